"""A cursor over a string with Ruby StringScanner's semantics, on top of ``re``.

kramdown's parsers are written against StringScanner (anchored ``check``/``scan``,
``scan_until``, match groups of the last attempt); mirroring that API keeps the port's
control flow identical to the original's, which is what byte-identical output needs.
"""

from __future__ import annotations

import re
from typing import Optional


class Scanner:
    __slots__ = ("string", "pos", "m")

    def __init__(self, string: str) -> None:
        self.string = string
        self.pos = 0
        self.m: Optional[re.Match[str]] = None

    def eos(self) -> bool:
        return self.pos >= len(self.string)

    def check(self, pattern: re.Pattern[str]) -> Optional[str]:
        """Match at the cursor without moving it."""
        self.m = m = pattern.match(self.string, self.pos)
        return m.group() if m else None

    def scan(self, pattern: re.Pattern[str]) -> Optional[str]:
        """Match at the cursor and move past the match."""
        self.m = m = pattern.match(self.string, self.pos)
        if m is None:
            return None
        self.pos = m.end()
        return m.group()

    def scan_until(self, pattern: re.Pattern[str]) -> Optional[str]:
        """Search from the cursor; return everything up to the match's end and move there."""
        self.m = m = pattern.search(self.string, self.pos)
        if m is None:
            return None
        start = self.pos
        self.pos = m.end()
        return self.string[start:self.pos]

    def group(self, index: int | str) -> Optional[str]:
        return self.m.group(index) if self.m else None

    def matched(self) -> str:
        return self.m.group() if self.m else ""

    def pre_match(self) -> str:
        return self.string[: self.m.start()] if self.m else ""

    def rest(self) -> str:
        return self.string[self.pos:]

    def terminate(self) -> None:
        self.pos = len(self.string)

    def getch(self) -> str:
        ch = self.string[self.pos:self.pos + 1]
        self.pos += len(ch)
        return ch
