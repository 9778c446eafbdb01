"""Ruby's ``Time#strftime`` and ``Time.parse``, for Liquid's ``date`` filter.

Python's ``strftime`` follows the C library and lacks Ruby's flags (``%-d``,
``%^b``, ``%10Y``), ``%L``/``%N``, ``%:z`` and Ruby's ``%Z`` names, so the
format is interpreted here directive by directive.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Callable

from ..lazy_re import lazy_pattern
from ..rubytime import MONTH_NAMES
from ..timeutil import ruby_offset

_DIRECTIVE = lazy_pattern(r"%([-_0^#]*)(\d*)(:{0,2})([a-zA-Z%+])")
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = MONTH_NAMES


#: formatted moments: a site formats the same dates on every page (recent posts, archives)
_FORMATTED: dict[tuple[object, ...], str] = {}
_FORMATTED_LIMIT = 4096


def strftime(moment: dt.date, fmt: str) -> str:
    """Format a datetime (or a date, as Ruby's ``Date#strftime``) with Ruby's directives."""
    # Equal datetimes may differ in zone (12:00+00:00 == 13:00+01:00): the key holds what is printed.
    zone = moment.tzname() if isinstance(moment, dt.datetime) else None
    key = (fmt, type(moment), moment.isoformat(), type(getattr(moment, "tzinfo", None)), zone)
    formatted = _FORMATTED.get(key)
    if formatted is None:
        if len(_FORMATTED) >= _FORMATTED_LIMIT:
            _FORMATTED.clear()
        formatted = _FORMATTED[key] = _strftime(moment, fmt)
    return formatted


def _strftime(moment: dt.date, fmt: str) -> str:
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime(moment.year, moment.month, moment.day, tzinfo=dt.timezone.utc)
        is_date = True
    else:
        is_date = False
    return _DIRECTIVE.sub(lambda m: _directive(moment, m, is_date), fmt)


def _directive(moment: dt.datetime, match: re.Match[str], is_date: bool) -> str:
    flags, width_text, colons, code = match.groups()
    numeric = _NUMERIC.get(code)
    if numeric is not None:
        default_width, pad = numeric[1], numeric[2]
        value = numeric[0](moment)
        return _pad_number(value, flags, int(width_text) if width_text else default_width, pad)
    if code == "z":
        return _zone_offset(moment, colons, flags, width_text)
    text = _TEXT[code](moment, is_date) if code in _TEXT else match.group(0)
    if code in _TEXT:
        if "^" in flags:
            text = text.upper()
        elif "#" in flags:
            text = text.lower() if code == "p" else text.upper()
        if width_text:
            fill = "0" if "0" in flags else " "
            text = text.rjust(int(width_text), fill)
    return text


def _pad_number(value: int, flags: str, width: int, pad: str) -> str:
    if "-" in flags:
        return str(value)
    fill = "_" if "_" in flags else ("0" if "0" in flags else pad)
    fill_char = " " if fill == "_" or fill == " " else "0"
    sign = "-" if value < 0 else ""
    digits = str(abs(value))
    if fill_char == "0":
        return sign + digits.rjust(width - len(sign), "0")
    return (sign + digits).rjust(width, " ")


def _zone_offset(moment: dt.datetime, colons: str, flags: str, width_text: str) -> str:
    plain = ruby_offset(moment)
    if colons == ":":
        return f"{plain[:3]}:{plain[3:]}"
    if colons == "::":
        return f"{plain[:3]}:{plain[3:]}:00"
    return plain


def _zone_name(moment: dt.datetime, is_date: bool) -> str:
    if is_date:
        return "+00:00"
    if isinstance(moment.tzinfo, dt.timezone) and moment.tzinfo is not dt.timezone.utc:
        return ""  # Ruby names no zone for a bare offset (Time.parse("...+02:00"))
    name = moment.tzname() or ""
    return name if name and not name.startswith(("+", "-")) else ""


def _seconds_since_epoch(moment: dt.datetime) -> int:
    return calendar.timegm(moment.utctimetuple())


# code -> (value, default width, default pad)
_NUMERIC: dict[str, tuple[Callable[[dt.datetime], int], int, str]] = {
    "Y": (lambda m: m.year, 1, "0"),
    "C": (lambda m: m.year // 100, 2, "0"),
    "y": (lambda m: m.year % 100, 2, "0"),
    "m": (lambda m: m.month, 2, "0"),
    "d": (lambda m: m.day, 2, "0"),
    "e": (lambda m: m.day, 2, " "),
    "j": (lambda m: m.timetuple().tm_yday, 3, "0"),
    "H": (lambda m: m.hour, 2, "0"),
    "k": (lambda m: m.hour, 2, " "),
    "I": (lambda m: (m.hour % 12) or 12, 2, "0"),
    "l": (lambda m: (m.hour % 12) or 12, 2, " "),
    "M": (lambda m: m.minute, 2, "0"),
    "S": (lambda m: m.second, 2, "0"),
    "L": (lambda m: m.microsecond // 1000, 3, "0"),
    "N": (lambda m: m.microsecond * 1000, 9, "0"),
    "u": (lambda m: m.isoweekday(), 1, "0"),
    "w": (lambda m: m.isoweekday() % 7, 1, "0"),
    "U": (lambda m: int(m.strftime("%U")), 2, "0"),
    "W": (lambda m: int(m.strftime("%W")), 2, "0"),
    "G": (lambda m: m.isocalendar()[0], 4, "0"),
    "g": (lambda m: m.isocalendar()[0] % 100, 2, "0"),
    "V": (lambda m: m.isocalendar()[1], 2, "0"),
    "s": (_seconds_since_epoch, 1, "0"),
}

_TEXT: dict[str, Callable[[dt.datetime, bool], str]] = {
    "A": lambda m, d: _DAYS[m.weekday()],
    "a": lambda m, d: _DAYS[m.weekday()][:3],
    "B": lambda m, d: _MONTHS[m.month - 1],
    "b": lambda m, d: _MONTHS[m.month - 1][:3],
    "h": lambda m, d: _MONTHS[m.month - 1][:3],
    "p": lambda m, d: "PM" if m.hour >= 12 else "AM",
    "P": lambda m, d: "pm" if m.hour >= 12 else "am",
    "Z": _zone_name,
    "n": lambda m, d: "\n",
    "t": lambda m, d: "\t",
    "%": lambda m, d: "%",
    "D": lambda m, d: strftime(m, "%m/%d/%y"),
    "x": lambda m, d: strftime(m, "%m/%d/%y"),
    "F": lambda m, d: strftime(m, "%Y-%m-%d"),
    "T": lambda m, d: strftime(m, "%H:%M:%S"),
    "X": lambda m, d: strftime(m, "%H:%M:%S"),
    "R": lambda m, d: strftime(m, "%H:%M"),
    "r": lambda m, d: strftime(m, "%I:%M:%S %p"),
    "c": lambda m, d: strftime(m, "%a %b %e %H:%M:%S %Y"),
    "v": lambda m, d: strftime(m, "%e-%^b-%Y"),
}
