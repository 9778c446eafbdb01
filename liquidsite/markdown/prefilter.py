"""``pattern.search`` sped up by a search for the characters any match must contain.

The span parsers look for the next place where any of them may start with one
alternation inside a lookahead (``(?=(?:\\*|_|`|...|[^\\\\]?["'])``). Python's
``re`` tries every alternative at every position of such a pattern: that search
alone took a third of the time of converting a page. Each alternative, however,
has a character it must find at a fixed distance from where it starts (``*`` at
0; a quote at 0 or 1 for ``[^\\\\]?["']``; the newline at 2 for ``  (?=\\n)``).
:func:`searcher` reads those from the parsed pattern and returns a search that
scans for them with one character class (which ``re`` runs at C speed) and tries
the real pattern only a few positions before each. A pattern for which some
alternative has no such character (it can match the empty string, starts with
a back reference, ...) keeps its own ``search``. The answer is always the
pattern's own: the same leftmost match, found with ``pattern.match`` at it.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]  # the parsed form of patterns
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any, Callable, Optional

from ..regex_starts import LARGE_SET, REPEATS, set_chars


Search = Callable[[str, int], Optional["re.Match[str]"]]
#: one possible trigger: distance from the match's start, the characters allowed there
Trigger = tuple[int, frozenset[str]]

#: by ``id``, holding the pattern: hashing a pattern hashes its compiled code, on every call
_SEARCHERS: dict[int, tuple[re.Pattern[str], Search]] = {}


def searcher(pattern: re.Pattern[str]) -> Search:
    """A function with ``pattern.search``'s signature and answers, faster where it can be."""
    entry = _SEARCHERS.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        entry = _SEARCHERS[id(pattern)] = (pattern, _build(pattern))
    return entry[1]


def _build(pattern: re.Pattern[str]) -> Search:
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return pattern.search
    try:
        parsed = P.parse(pattern.pattern, pattern.flags)
        triggers = _alternatives(list(parsed), 0)
    except (re.error, _Unknown, RecursionError):
        return pattern.search
    chars = frozenset().union(*(chars for _, chars in triggers))
    if not chars or len(chars) > LARGE_SET:
        return pattern.search
    reach = max(distance for distance, _ in triggers)
    scan = re.compile("[" + "".join(_class_char(ch) for ch in sorted(chars)) + "]")
    match = pattern.match
    scan_search = scan.search

    def search(string: str, pos: int = 0) -> Optional["re.Match[str]"]:
        untested = pos
        while True:
            trigger = scan_search(string, untested)
            if trigger is None:
                # No trigger left: only a match that needs none could start here, and every
                # alternative needs one; but a start beyond the last trigger is impossible too.
                return None
            at = trigger.start()
            for start in range(max(untested, at - reach), at + 1):
                found = match(string, start)
                if found is not None:
                    return found
            untested = at + 1

    return search


class _Unknown(Exception):
    """An alternative with no character required at a fixed distance from its start."""


def _alternatives(items: list[Any], offset: int) -> list[Trigger]:
    """Triggers of the sequence *items* starting at *offset*: a match of it implies one of them.

    Every item of the sequence must match, so each item of fixed position that needs certain
    characters is an option, and the rarest option is kept. The walk goes on while the items'
    width is fixed; a group, a branch or a repetition ends it, each of its ways (with the rest
    of the sequence after it) contributing its own triggers."""
    options: list[list[Trigger]] = []
    for index, (op, arg) in enumerate(items):
        rest = items[index + 1:]
        if op is C.LITERAL:
            options.append([(offset, frozenset(chr(arg)))])
            offset += 1
        elif op is C.IN:
            chars = set_chars(arg)
            if chars is not None:
                options.append([(offset, chars)])
            offset += 1
        elif op in (C.NOT_LITERAL, C.ANY):
            offset += 1
        elif op is C.AT or op is C.ASSERT_NOT or (op is C.ASSERT and arg[0] < 0):
            continue  # zero width, and nothing required ahead
        elif op is C.ASSERT:
            _add(options, offset, list(arg[1]))
        elif op is C.SUBPATTERN and not arg[1] and not arg[2]:
            _add(options, offset, list(arg[3]) + rest)
            break
        elif op is C.BRANCH:
            _add(options, offset, *(list(alternative) + rest for alternative in arg[1]))
            break
        elif op in REPEATS:
            low, high, body = arg
            if low > 0:
                _add(options, offset, list(body))
            else:
                taken = list(body) + rest if high == 1 else list(body)
                _add(options, offset, taken, rest)
            break
        else:
            break
        if any(_rare(option) for option in options):
            break
    if not options:
        raise _Unknown
    return min(options, key=lambda option: (not _rare(option), sum(len(chars) for _, chars in option)))


def _add(options: list[list[Trigger]], offset: int, *ways: list[Any]) -> None:
    """One more option: a match takes one of *ways* (item sequences) from *offset*."""
    try:
        options.append([trigger for way in ways for trigger in _alternatives(way, offset)])
    except _Unknown:
        pass


def _rare(option: list[Trigger]) -> bool:
    """Triggers worth scanning for: few characters, none a letter, digit or space."""
    chars = frozenset().union(*(chars for _, chars in option))
    return len(chars) <= 24 and not any(ch.isalnum() or ch in " \t" for ch in chars)


def _class_char(ch: str) -> str:
    return re.escape(ch) if ch not in "\n\t" else {"\n": "\\n", "\t": "\\t"}[ch]
