"""YAML as Jekyll reads it: YAML 1.1 (Psych), errors worded as Psych words them."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from .errors import YAMLSyntaxError
from .timeutil import RUBY_UTC

__all__ = ["YAMLSyntaxError", "load"]

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


class HashableMap(dict):
    """A mapping used as a mapping key, which Psych allows (a Ruby Hash can be a key; PyYAML refuses):
    Typora's ``typora-root-url: {{ site.url }}`` front matter is the mapping ``{{"site.url"=>nil}=>nil}``."""

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(self.items()))


class HashableSeq(list):
    """A sequence used as a mapping key (``{[1, 2]: a}``), as Psych reads it."""

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(self))


def _hashable(value: Any) -> Any:
    if isinstance(value, dict):
        return HashableMap((_hashable(key), _hashable(item)) for key, item in value.items())
    if isinstance(value, list):
        return HashableSeq(_hashable(item) for item in value)
    return value


class _KeysLikePsych:
    """Mapping keys that are themselves mappings or sequences, which Psych accepts."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if not any(isinstance(key, yaml.CollectionNode) for key, _value in node.value):
            return super().construct_mapping(node, deep)  # type: ignore[misc]
        self.flatten_mapping(node)  # type: ignore[attr-defined]
        mapping = {}
        for key_node, value_node in node.value:
            collection = isinstance(key_node, yaml.CollectionNode)
            key = self.construct_object(key_node, deep=deep or collection)  # type: ignore[attr-defined]
            mapping[_hashable(key) if collection else key] = self.construct_object(  # type: ignore[attr-defined]
                value_node, deep=deep)
        return mapping


class _Loader(_KeysLikePsych, _BaseLoader):
    """PyYAML's safe loader reading timestamps (and collections as keys) as Psych does."""


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


class _RedefiningLoader(_KeysLikePsych, yaml.SafeLoader):
    """The pure-Python loader for texts that define an anchor twice, which Psych allows.

    Psych keeps the latest definition (an alias refers to the anchor defined last before it);
    PyYAML's composers, C and Python, refuse the text (jekyll-TeXt-theme's ``navigation.yml``
    repeats ``&EN`` in every entry). Slower, so only used when the fast loader refuses.
    """

    def compose_node(self, parent: Any, index: Any) -> Any:
        if not self.check_event(yaml.AliasEvent):
            anchor = self.peek_event().anchor
            if anchor is not None:
                self.anchors.pop(anchor, None)
        return super().compose_node(parent, index)


for _loader in (_Loader, _RedefiningLoader):
    _loader.add_implicit_resolver(_TIMESTAMP_TAG, _PSYCH_TIMESTAMP, list("0123456789"))
    _loader.add_constructor(_TIMESTAMP_TAG, _construct_timestamp)

MAX_DEPTH = 10_000  # nested sequences and mappings; real data files nest a few levels
_ALIAS_NAME = re.compile(r"\*([^\s,\[\]{}]+)")


def load(text: str, origin: str = "<unknown>", line_offset: int = 0) -> Any:
    """Parse the first YAML document of *text*; on error raise :class:`YAMLSyntaxError`.

    Like Psych's ``safe_load``, only the first document is read: whatever follows a
    ``---`` or ``...`` line is neither loaded nor checked. The message is Psych's,
    ``(ORIGIN): PROBLEM CONTEXT at line L column C``, and the position is the one
    Psych gives: where the construct that failed starts (``while parsing a block
    mapping``), not where libyaml gave up. *line_offset* is added to the line, so
    front matter errors can point at the line in the whole file.
    """
    try:
        _check_depth(text, origin, line_offset)
        try:
            return next(iter(yaml.load_all(text, Loader=_Loader)), None)
        except yaml.composer.ComposerError as err:
            if "duplicate anchor" not in f"{err.context} {err.problem}":
                raise
            return next(iter(yaml.load_all(text, Loader=_RedefiningLoader)), None)
    except yaml.MarkedYAMLError as err:
        message, line = _psych_message(err, text, origin, line_offset)
        raise YAMLSyntaxError(message, origin, line) from None
    except yaml.YAMLError as err:
        raise YAMLSyntaxError(f"({origin}): {err}", origin) from None
    except (ValueError, TypeError, OverflowError) as err:  # a tagged value that does not convert
        raise YAMLSyntaxError(f"({origin}): {err}", origin) from None


def _check_depth(text: str, origin: str, line_offset: int) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH` before the recursive composer sees it.

    PyYAML's C composer recurses once per level and crashes the process (a segmentation
    fault, no message at all) some 25,000 levels down; Psych fails with "stack level too
    deep". Only a text with that many ``[``/``{`` or a line that long can nest so deep,
    so the event scan runs on such texts only.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH and max(map(len, text.splitlines()), default=0) <= MAX_DEPTH:
        return
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                line = (mark.line if mark else 0) + 1 + line_offset
                column = (mark.column if mark else 0) + 1
                raise YAMLSyntaxError(
                    f"({origin}): nesting deeper than {MAX_DEPTH} levels at line {line} column {column}", origin, line
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.DocumentEndEvent):
            return  # only the first document is loaded


def _psych_message(err: yaml.MarkedYAMLError, text: str, origin: str, line_offset: int) -> tuple[str, int | None]:
    """Psych's wording: problem and context joined by a space, at the context's start if any."""
    if err.problem and err.problem.startswith("found undefined alias") and err.problem_mark:
        name = _ALIAS_NAME.match(text, err.problem_mark.index)
        return f"({origin}): Unknown alias: {name.group(1) if name else ''}", err.problem_mark.line + 1 + line_offset
    mark = err.context_mark if err.context and err.context_mark else err.problem_mark
    parts = [part for part in (err.problem, err.context) if part] or ["syntax error"]
    if mark is None:
        return f"({origin}): {' '.join(parts)}", None
    line = mark.line + 1 + line_offset
    return f"({origin}): {' '.join(parts)} at line {line} column {mark.column + 1}", line
