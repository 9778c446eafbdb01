"""Ruby's Time semantics for Jekyll: ``Time.parse(...).localtime`` and ``Time#to_s``.

Every date Jekyll handles is a Ruby Time in the site's local zone (``timezone:``
in the config, else ``TZ``, else the system zone). Here they are aware
``datetime`` objects in that zone.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import lru_cache
from typing import Any, Optional
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .lazy_re import lazy_pattern
from .errors import InvalidDateError
from .rubytime import parse_time

_DATE_RE = lazy_pattern(
    r"^\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:(?:[Tt]|\s+)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.(?P<f>\d+))?)?)?"
    r"\s*(?P<z>Z|UTC|GMT|[-+]\d{2}:?\d{2}|[-+]\d{1,2})?\s*$"
)


@lru_cache(maxsize=None)
def zone(name: str | None) -> dt.tzinfo:
    """The zone named by the config's ``timezone`` (or ``TZ``); the system zone otherwise."""
    for candidate in (name, os.environ.get("TZ")):
        if candidate:
            try:
                return ZoneInfo(candidate.lstrip(":"))
            except (ZoneInfoNotFoundError, ValueError):
                continue
    try:
        with open("/etc/localtime", "rb") as handle:
            return ZoneInfo.from_file(handle, key="localtime")
    except OSError:
        return dt.timezone.utc


def _offset(text: str) -> dt.tzinfo:
    if text in ("Z", "UTC", "GMT"):
        return dt.timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours = int(digits[:2]) if len(digits) >= 2 else int(digits)
    minutes = int(digits[2:4]) if len(digits) >= 4 else 0
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def parse_date(value: Any, tz: dt.tzinfo, message: str = "Input could not be parsed.") -> dt.datetime:
    """``Utils.parse_date``: a date, time or string as an aware time in zone *tz*."""
    if isinstance(value, dt.datetime):
        # A zone-less YAML timestamp is UTC (Psych's rule), then shown in the site's zone.
        return (value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value).astimezone(tz)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=tz)
    text = str(value)
    match = _DATE_RE.match(text)
    if not match:
        parsed = parse_time(text, tz)  # Ruby's Time.parse, for the other forms Jekyll reads
        if parsed is None:
            raise InvalidDateError(f"Invalid date '{text}': {message}")
        return parsed.astimezone(tz)
    parts = match.groupdict()
    try:
        micro = int((parts["f"] or "0")[:6].ljust(6, "0"))
        naive = dt.datetime(
            int(parts["y"]), int(parts["m"]), int(parts["d"]),
            int(parts["H"] or 0), int(parts["M"] or 0), int(parts["S"] or 0), micro,
        )
    except ValueError:
        raise InvalidDateError(f"Invalid date '{text}': {message}") from None
    if parts["z"]:
        return naive.replace(tzinfo=_offset(parts["z"])).astimezone(tz)
    return naive.replace(tzinfo=tz)


def ruby_offset(moment: dt.datetime) -> str:
    """The ``+0000`` form of a time's UTC offset, as Ruby's ``%z``."""
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}{minutes % 60:02d}"


class _RubyUTC(dt.tzinfo):
    """The zone of a Ruby Time in UTC mode (``Time#utc``, ``Time.utc``): what feeds and
    network plugins hand Jekyll. ``Time#to_s`` writes its zone as ``UTC``, not ``+0000``."""

    def utcoffset(self, moment: Optional[dt.datetime]) -> dt.timedelta:
        return dt.timedelta(0)

    def dst(self, moment: Optional[dt.datetime]) -> dt.timedelta:
        return dt.timedelta(0)

    def tzname(self, moment: Optional[dt.datetime]) -> str:
        return "UTC"

    def __repr__(self) -> str:
        return "RUBY_UTC"

    def __reduce__(self) -> str:
        return "RUBY_UTC"


RUBY_UTC = _RubyUTC()


def ruby_time_string(moment: dt.datetime) -> str:
    """Ruby's ``Time#to_s``: ``2024-03-05 10:00:00 +0000`` (``... UTC`` for a time in UTC mode)."""
    if moment.tzinfo is RUBY_UTC:
        return moment.strftime("%Y-%m-%d %H:%M:%S UTC")
    return moment.strftime("%Y-%m-%d %H:%M:%S ") + ruby_offset(moment)
