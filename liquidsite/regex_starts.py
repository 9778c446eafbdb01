"""What a regular expression's matches start with, read from its parsed form.

Both the Markdown parsers (``markdown/prefilter.py``, ``markdown/parser.py``) and the
Rouge engine (``highlight/engine.py``) try a list of patterns in order at one position;
a pattern whose matches cannot start with the character there need not be tried.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]  # the parsed form of patterns
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any, Optional

LARGE_SET = 40  # character sets larger than this are not worth listing
REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)

#: ``\\d``, ``\\s`` and ``\\w`` under ``re.ASCII``
_ASCII_CATEGORIES = {
    C.CATEGORY_DIGIT: "0123456789", C.CATEGORY_SPACE: " \t\n\r\f\v",
    C.CATEGORY_WORD: "0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
}


def set_chars(arg: list[tuple[Any, Any]], ascii_classes: bool = False,
              limit: int = LARGE_SET) -> Optional[frozenset[str]]:
    """The characters of a ``[...]`` set, if it is a positive list of at most *limit* characters and
    ranges (and, for a pattern compiled with ``re.ASCII``, ``\\d``, ``\\s`` and ``\\w``)."""
    chars: set[str] = set()
    for op, value in arg:
        if op is C.LITERAL:
            chars.add(chr(value))
        elif op is C.RANGE and value[1] - value[0] < limit:
            chars.update(chr(code) for code in range(value[0], value[1] + 1))
        elif op is C.CATEGORY and ascii_classes and value in _ASCII_CATEGORIES:
            chars.update(_ASCII_CATEGORIES[value])
        else:
            return None
    return frozenset(chars) if len(chars) <= limit else None


def first_chars(pattern: re.Pattern[str], limit: int = LARGE_SET) -> Optional[frozenset[str]]:
    """The characters a match of *pattern* may start with, or None when it may start with any
    (or be empty, or a character class holds more than *limit*). A pattern that fails at a character
    outside the set need not be tried there.

    Case folding is followed only under ``re.ASCII``, where it pairs ASCII letters and nothing
    else; without it Unicode folds further (``K`` and the Kelvin sign), and the answer is None."""
    flags = pattern.flags
    ascii_classes = bool(flags & re.ASCII)
    if not isinstance(pattern.pattern, str) or (flags & re.IGNORECASE and not ascii_classes):
        return None
    try:
        found = _first(list(P.parse(pattern.pattern, flags)), ascii_classes, limit)
    except (re.error, RecursionError):
        return None
    if found is None or not flags & re.IGNORECASE:
        return found
    if not all(char.isascii() for char in found):
        return None
    return found | frozenset("".join(found).swapcase())


def _first(items: list[Any], ascii_classes: bool, limit: int) -> Optional[frozenset[str]]:
    for index, (op, arg) in enumerate(items):
        rest = items[index + 1:]
        if op is C.LITERAL:
            return frozenset(chr(arg))
        if op is C.IN:
            return set_chars(arg, ascii_classes, limit)
        if op is C.AT or op is C.ASSERT or op is C.ASSERT_NOT:
            continue  # zero width: what follows starts the match (a superset, ignoring the assertion)
        if op is C.SUBPATTERN and not arg[1] and not arg[2]:
            return _first(list(arg[3]) + rest, ascii_classes, limit)
        if op is C.BRANCH:
            return _union(_first(list(alternative) + rest, ascii_classes, limit) for alternative in arg[1])
        if op in REPEATS:
            low, _, body = arg
            taken = _first(list(body) + rest, ascii_classes, limit)
            return taken if low > 0 else _union((taken, _first(rest, ascii_classes, limit)))
        return None
    return None


def _union(sets: Any) -> Optional[frozenset[str]]:
    union: frozenset[str] = frozenset()
    for chars in sets:
        if chars is None:
            return None
        union |= chars
    return union
