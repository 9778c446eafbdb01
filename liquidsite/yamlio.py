"""YAML as Jekyll reads it: YAML 1.1 (Psych), errors worded as Psych words them."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from .timeutil import RUBY_UTC

try:  # the C loader is several times faster on large _data files
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"

#: Psych's dates and times (its ScalarScanner's DATE and TIME), wider than YAML 1.1's: a
#: one-digit month or day (``2020-1-2``) and a zone without its colon (``+0000``, ``-05``),
#: the form of Jekyll's own ``date: 2020-01-02 03:04:05 +0000``.
_PSYCH_TIMESTAMP = re.compile(r"""^(?P<year>[0-9]{4})-(?P<month>1[012]|0?[0-9])-(?P<day>[12][0-9]|3[01]|0?[0-9])$
    |^(?P<tyear>[0-9]{4})-(?P<tmonth>[0-9]{1,2})-(?P<tday>[0-9]{1,2})(?:[Tt]|[ \t]+)
    (?P<hour>[0-9]{1,2}):(?P<minute>[0-9][0-9]):(?P<second>[0-9][0-9])(?:\.(?P<fraction>[0-9]*))?
    (?:[ \t]*(?P<tz>Z|(?P<tz_sign>[-+])(?P<tz_hour>[0-9][0-9]?)(?::?(?P<tz_minute>[0-9][0-9]?))?))?$""", re.X)


class _Loader(_BaseLoader):
    """PyYAML's safe loader reading timestamps as Psych does."""


def _construct_timestamp(loader: Any, node: yaml.ScalarNode) -> Any:
    """A Psych timestamp as a date or datetime; text that is no real date stays text."""
    text = loader.construct_scalar(node)
    match = _PSYCH_TIMESTAMP.match(text)
    if match is None:
        return text
    parts = match.groupdict()
    try:
        if parts["year"] is not None:
            return dt.date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
        fraction = (parts["fraction"] or "")[:6].ljust(6, "0")
        moment = dt.datetime(int(parts["tyear"]), int(parts["tmonth"]), int(parts["tday"]), int(parts["hour"]),
                             int(parts["minute"]), int(parts["second"]), int(fraction))
    except ValueError:
        return text
    if parts["tz"] is None:
        return moment
    if parts["tz"] == "Z":
        return moment.replace(tzinfo=RUBY_UTC)  # Psych's Time.utc: printed "... UTC"
    offset = dt.timedelta(hours=int(parts["tz_hour"]), minutes=int(parts["tz_minute"] or 0))
    offset = -offset if parts["tz_sign"] == "-" else offset
    # A bare offset, even +0000, names no zone (%Z is empty): never the `timezone.utc` singleton.
    return moment.replace(tzinfo=dt.timezone(offset, ruby_offset(offset)))


def ruby_offset(offset: dt.timedelta) -> str:
    """``+0100``: how Ruby writes a UTC offset."""
    minutes = int(offset.total_seconds()) // 60
    return f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


_Loader.add_implicit_resolver(_TIMESTAMP_TAG, _PSYCH_TIMESTAMP, list("0123456789"))
_Loader.add_constructor(_TIMESTAMP_TAG, _construct_timestamp)


class YAMLSyntaxError(Exception):
    """A YAML error with the 1-based line of the problem (``line`` counts from the text start)."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


def load(text: str, origin: str = "<unknown>", line_offset: int = 0) -> Any:
    """Parse *text*; on error raise :class:`YAMLSyntaxError` naming *origin* and the line.

    *line_offset* is added to the reported line, so front matter errors point at
    the line in the whole file, not in the YAML block.
    """
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 + line_offset if mark else None
        column = mark.column + 1 if mark else None
        problem = err.problem or err.context or "syntax error"
        where = f" at line {line} column {column}" if mark else ""
        context = f" while {err.context}" if err.context and err.problem else ""
        raise YAMLSyntaxError(f"({origin}): {problem}{context}{where}", line) from None
    except yaml.YAMLError as err:
        raise YAMLSyntaxError(f"({origin}): {err}", None) from None
