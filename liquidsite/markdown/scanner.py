"""A cursor over a string with Ruby StringScanner's semantics, on top of ``re``.

kramdown's parsers are written against StringScanner (anchored ``check``/``scan``,
``scan_until``, match groups of the last attempt); mirroring that API keeps the port's
control flow identical to the original's, which is what byte-identical output needs.

One semantic detail matters: Ruby's scanner matches against the *rest* of the string,
so ``^`` also matches at the cursor when it sits in the middle of a line (kramdown
relies on this after an HTML tag or comment that ends mid-line). Python's ``^`` does
not, so patterns containing a line anchor are matched against the rest of the string
when the cursor is not at a line start.
"""

from __future__ import annotations

import re
from typing import Optional

from .prefilter import searcher

_LINE_ANCHOR = re.compile(r"(?<![\[\\])\^")
#: by ``id``, holding the pattern (hashing a pattern hashes its compiled code, on every call)
_anchored_cache: dict[int, tuple[re.Pattern[str], bool]] = {}


def has_line_anchor(pattern: re.Pattern[str]) -> bool:
    """Whether *pattern* may use ``^`` as an anchor (over-approximated, cached)."""
    entry = _anchored_cache.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        entry = _anchored_cache[id(pattern)] = (pattern, bool(_LINE_ANCHOR.search(pattern.pattern)))
    return entry[1]


class Scanner:
    __slots__ = ("string", "pos", "m", "offset")

    def __init__(self, string: str) -> None:
        self.string = string
        self.pos = 0
        self.m: Optional[re.Match[str]] = None
        self.offset = 0  # where the string the last match ran on starts

    def eos(self) -> bool:
        return self.pos >= len(self.string)

    def match(self, pattern: re.Pattern[str]) -> Optional[re.Match[str]]:
        """Match at the cursor (Ruby semantics for ``^``) and remember the match."""
        pos = self.pos
        string = self.string
        if pos and string[pos - 1] != "\n" and has_line_anchor(pattern):
            self.offset = pos
            self.m = m = pattern.match(string[pos:])
        else:
            self.offset = 0
            self.m = m = pattern.match(string, pos)
        return m

    def check(self, pattern: re.Pattern[str]) -> Optional[str]:
        """Match at the cursor without moving it."""
        m = self.match(pattern)
        return m.group() if m else None

    def scan(self, pattern: re.Pattern[str]) -> Optional[str]:
        """Match at the cursor and move past the match."""
        m = self.match(pattern)
        if m is None:
            return None
        self.pos = m.end() + self.offset
        return m.group()

    def scan_until(self, pattern: re.Pattern[str]) -> Optional[str]:
        """Search from the cursor; return everything up to the match's end and move there."""
        pos = self.pos
        string = self.string
        if pos and string[pos - 1] != "\n" and has_line_anchor(pattern):
            self.offset = pos
            self.m = m = searcher(pattern)(string[pos:], 0)
        else:
            self.offset = 0
            self.m = m = searcher(pattern)(string, pos)
        if m is None:
            return None
        self.pos = m.end() + self.offset
        return string[pos:self.pos]

    def group(self, index: int | str) -> Optional[str]:
        return self.m.group(index) if self.m else None

    def matched(self) -> str:
        return self.m.group() if self.m else ""

    def match_start(self) -> int:
        return self.m.start() + self.offset if self.m else self.pos

    def rest(self) -> str:
        return self.string[self.pos:]

    def terminate(self) -> None:
        self.pos = len(self.string)

    def getch(self) -> str:
        ch = self.string[self.pos:self.pos + 1]
        self.pos += len(ch)
        return ch
