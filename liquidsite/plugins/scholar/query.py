"""bibtex-ruby's query language, as ``{% bibliography --query ... %}`` uses it.

``@type[conditions]`` selects entries of a type (``*`` any); several selectors
may follow each other (any one matching is enough), ``!@type`` negates the
type. Conditions are ``field``, ``field=value``, ``!=``, ``^=``, ``~=``,
``!~``, ``<``, ``<=``, ``>``, ``>=``, combined with ``,``/``&&`` (all) and
``||`` (any); ``key`` and ``type`` name the entry's key and ``type`` field.
"""

from __future__ import annotations

import re
from typing import Optional

from .bibtex import Bibliography, Entry

_SELECTOR = re.compile(r"(!)?@(\*|\w+)(?:\[([^\]]*)\])?")
_CONDITION = re.compile(r"\s*([!~/^<>]?=|!~|=~|<|>)\s*")


def _ruby_regex(pattern: str) -> "re.Pattern[str]":
    try:
        return re.compile(pattern, re.M)
    except re.error:
        return re.compile(re.escape(pattern))


def _compare(actual: str, operator: str, value: str) -> bool:
    if re.search(r"^\d+$", actual, re.M) and re.search(r"^\d+$", value, re.M):
        left: object = int(actual)
        right: object = int(value)
    else:
        left, right = actual, value
    return {"<": left < right, "<=": left <= right, ">": left > right,  # type: ignore[operator]
            ">=": left >= right}[operator]  # type: ignore[operator]


def _meets(entry: Entry, condition: str) -> bool:
    """``Element#meets_condition?``: the condition split as Ruby's ``String#split`` splits it."""
    parts = _CONDITION.split(condition)
    while parts and parts[-1] == "":
        parts.pop()
    if not parts:
        return True
    prop = parts[0].strip()
    operator = parts[1] if len(parts) > 1 else None
    value = parts[2].strip() if len(parts) > 2 else None
    if operator is None:
        return prop in entry.fields or (prop == "booktitle" and "title" in entry.fields)
    found = entry.property(prop)
    actual: Optional[str] = None if found is None else str(found)
    if value is None:
        return False
    if operator in ("!=", "/="):
        return actual is None or actual != value
    if operator == "^=":
        return actual is not None and _ruby_regex("^" + value).search(actual) is not None
    if operator in ("~=", "=~"):
        return actual is not None and _ruby_regex(value).search(actual) is not None
    if operator == "!~":
        return actual is None or _ruby_regex(value).search(actual) is None
    if operator in ("<", "<=", ">", ">="):
        return actual is not None and _compare(actual, operator, value)
    return actual is not None and actual == value


def matches(entry: Entry, query: str) -> bool:
    """``Element#matches?`` for an entry."""
    if not query:
        return True
    if query.startswith("/") and query.endswith("/") and len(query) > 2:
        return _ruby_regex(query[1:-1]).search(entry.to_bibtex()) is not None
    selectors = _SELECTOR.findall(query)
    if not selectors:
        return entry.key == query
    for negated, kind, conditions in selectors:
        type_matches = kind == "*" or kind.lower() == "entry" or kind.lower() == entry.type.lower()
        if bool(negated) == type_matches:
            continue
        if not conditions or any(
            all(_meets(entry, condition) for condition in re.split(r"\s*(?:,|&&)\s*", alternative))
            for alternative in re.split(r"\s*\|\|\s*", conditions)
        ):
            return True
    return False


def select(bibliography: Bibliography, query: Optional[str]) -> list[Entry]:
    """``bibliography[query]`` keeping entries only: by key, or by query when it starts with ``@``."""
    if not query:
        return []
    if not query.startswith(("@", "!@")):
        return []  # bibtex-ruby answers the entry of that key, which is then no list of entries
    return [entry for entry in bibliography if matches(entry, query)]
