"""A subset of Ruby's ``Time.parse`` (``Date._parse`` in date_parse.c): the date and time forms sites write.

Jekyll reads a front matter ``date:`` string with ``Time.parse`` (``Utils.parse_date``), and
Liquid's ``date`` filter reads strings the same way (``Utils.to_date``): ISO 8601, RFC 2822,
month names (``Oct 30, 2024``, ``30 October 2024``), dates in digits with Ruby's rule for which
number is the year (``11-4-2024`` is 11 April, ``30.10.2024``, ``2024/10/30``, ``20241030``) and
times of day with ``AM``/``PM``. What Ruby rejects (``10/30/2024``: month 30) is None here.
"""

from __future__ import annotations

import datetime as dt
import re

from .lazy_re import lazy_pattern

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]

_MONTH_NUMBERS = {name[:3].lower(): index + 1 for index, name in enumerate(MONTH_NAMES)}
_ISO_RE = lazy_pattern(
    r"^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})"
    r"(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|UTC|GMT|[-+]\d{2}:?\d{2})?\s*$"
)
_TIME_RE = lazy_pattern(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?", re.I)


def parse_time(text: str, local: dt.tzinfo) -> dt.datetime | None:
    """A subset of Ruby's ``Time.parse``: ISO 8601, RFC 2822, ``March 5, 2024``-style dates and dates in digits.

    Returns None where Ruby raises ``ArgumentError`` (the filter then prints its input).
    """
    match = _ISO_RE.match(text)
    if match:
        year, month, day, hour, minute, second, frac, zone_text = match.groups()
        try:
            naive = dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                                int(second or 0), int((frac or "0")[:6].ljust(6, "0")))
        except ValueError:
            return None
        return naive.replace(tzinfo=_zone_from(zone_text, local))
    from email.utils import parsedate_tz  # RFC 2822 dates only: not on every start

    parts = parsedate_tz(text)
    if parts is not None and re.search(r"\d{1,2}:\d{2}", text):
        naive = dt.datetime(*parts[:6])
        tz = local if parts[9] is None else dt.timezone(dt.timedelta(seconds=parts[9]))
        return naive.replace(tzinfo=tz)
    return _parse_month_name(text, local) or _parse_numeric(text, local)


def _zone_from(text: str | None, local: dt.tzinfo) -> dt.tzinfo:
    if not text:
        return local
    if text in ("Z", "UTC", "GMT"):
        return dt.timezone.utc
    digits = text[1:].replace(":", "")
    offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4]))
    return dt.timezone(-offset if text[0] == "-" else offset)


def _parse_month_name(text: str, local: dt.tzinfo) -> dt.datetime | None:
    """``March 5, 2024``, ``5 Mar 2024 10:00``, ``Mar 2024``: a month name with day and year."""
    month_match = re.search(r"\b(" + "|".join(_MONTH_NUMBERS) + r")[a-z]*\.?", text, re.I)
    if month_match is None:
        return None
    rest = text[: month_match.start()] + " " + text[month_match.end():]
    time_match = _TIME_RE.search(rest)
    hour = minute = second = 0
    if time_match:
        hour, minute, second = int(time_match.group(1)), int(time_match.group(2)), int(time_match.group(3) or 0)
        meridian = (time_match.group(4) or "").lower()
        if meridian.startswith("p") and hour < 12:
            hour += 12
        elif meridian.startswith("a") and hour == 12:
            hour = 0
        rest = rest[: time_match.start()] + " " + rest[time_match.end():]
    numbers = [int(n) for n in re.findall(r"\d+", rest)]
    year = next((n for n in numbers if n > 31), None)
    days = [n for n in numbers if n <= 31]
    if year is None:
        return None
    day = days[0] if days else 1
    try:
        naive = dt.datetime(year, _MONTH_NUMBERS[month_match.group(1)[:3].lower()], day, hour, minute, second)
    except ValueError:
        return None
    return naive.replace(tzinfo=local)


#: ``parse_time`` of date_parse.c, the forms sites write: ``10:00``, ``10:00:30.5 pm``, ``10 PM``, with a zone
_CLOCK_RE = lazy_pattern(
    r"(?<!\d)(\d{1,2})\s*:\s*(\d{2})(?:\s*:\s*(\d{2})(?:[,.](\d*))?)?(?:\s*([ap])(?:m\b|\.m\.))?"
    r"|(?<!\d)(\d{1,2})\s*([ap])(?:m\b|\.m\.)", re.I)
_CLOCK_ZONE_RE = lazy_pattern(r"\s*(Z\b|UTC\b|GMT\b|[-+]\d{2}:?\d{2}(?!\d))", re.I)
#: date_parse.c's ``parse_iso``, ``parse_sla``, ``parse_dot`` and an eight-digit ``parse_ddd``, in that order
_NUMERIC_DATES = (
    lazy_pattern(r"('?[-+]?\d+)-(\d+)-('?-?\d+)"),
    lazy_pattern(r"('?-?\d+)/\s*('?\d+)(?:\D\s*('?-?\d+))"),
    lazy_pattern(r"('?-?\d+)\.\s*('?\d+)\.\s*('?-?\d+)"),
    lazy_pattern(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"),
)


def _parse_numeric(text: str, local: dt.tzinfo) -> dt.datetime | None:
    """Ruby's ``Time.parse`` of a date written in digits: ``11-4-2024`` (day first: a year has more
    than two digits), ``30.10.2024``, ``2024/10/30``, ``20241030``, with a time of day, ``10:00 PM``
    included. Returns None for anything else, and where Ruby raises (``10/30/2024``: month 30)."""
    hour = minute = second = micro = 0
    zone = local
    clock = _CLOCK_RE.search(text)
    if clock is not None:
        if clock.group(1) is not None:
            hour, minute = int(clock.group(1)), int(clock.group(2))
            second, fraction, meridian = int(clock.group(3) or 0), clock.group(4) or "", clock.group(5)
            micro = int(fraction[:6].ljust(6, "0")) if fraction else 0
        else:
            hour, meridian = int(clock.group(6)), clock.group(7)
        if meridian:
            hour = hour % 12 + (12 if meridian.lower() == "p" else 0)
        end = clock.end()
        zone_match = _CLOCK_ZONE_RE.match(text, end)
        if zone_match is not None:
            zone, end = _zone_from(zone_match.group(1).upper(), local), zone_match.end()
        text = text[:clock.start()] + " " + text[end:]
    for pattern in _NUMERIC_DATES:
        found = pattern.search(text)
        if found is not None:
            break
    else:
        return None
    year, month, day = _s3e(*found.groups())
    if year is None:
        return None
    try:
        return dt.datetime(year, month, day, hour, minute, second, micro, tzinfo=zone)
    except ValueError:  # Ruby's ArgumentError: out of range
        return None


def _s3e(y: str, m: str, d: str) -> tuple[int | None, int, int]:
    """date_parse.c's ``s3e``: which of three numbers is the year. A middle one of more than two
    digits rotates them (``y m d`` read as ``m d y``), a last one of more than two swaps it with
    the first; a year of one or two digits (no apostrophe) is 1969-2068."""
    if m.startswith("'") or len(m) > 2:
        y, m, d = m, d, y
    if d.startswith("'") or len(d) > 2:
        y, d = d, y
    if y.startswith(("-", "+", "'-")) or d.startswith("-"):
        return None, 0, 0  # a year before the era or a negative day: not a site's date
    digits = y.lstrip("'")
    year = int(digits)
    if not y.startswith("'") and len(digits) <= 2:
        year += 1900 if year >= 69 else 2000
    return year, int(m.lstrip("'")), int(d.lstrip("'"))
