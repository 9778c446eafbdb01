"""Regular expressions compiled on first use.

``re.compile`` does its work when it is called, and patterns with Unicode classes cost
milliseconds each: compiled at import, the Markdown parser's module-level patterns alone took
some 90 ms of every start, although a build uses only those its documents reach.

``lazy_pattern(source, flags)`` returns a stand-in that compiles on the first use of any of the
pattern's methods or attributes and then keeps the compiled pattern's bound methods in slots of
its own, so later calls cost what they cost on the pattern (a slot read instead of a method
lookup). Its ``pattern`` is set from the start: patterns are composed from other patterns'
sources, and caches key on patterns (by identity here, which is stable for a module-level one).

A stand-in is not an ``re.Pattern``: pass it to nothing that takes one (``re.sub(stand_in, ...)``
raises ``TypeError``), call its methods.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, Union, cast

#: What a stand-in takes from its compiled pattern, all at once on first use.
_DELEGATED = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
              "flags", "groups", "groupindex")


class LazyPattern:
    __slots__ = ("pattern", "_flags", *_DELEGATED)

    def __init__(self, source: Union[str, bytes], flags: int) -> None:
        self.pattern = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        """Called only while the slots are empty: compile, fill them, answer *name*."""
        if name not in _DELEGATED:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        compiled = re.compile(self.pattern, self._flags)
        for attribute in _DELEGATED:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_pattern({self.pattern!r}, {self._flags!r})"


def lazy_pattern(source: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(source, flags)``, done when the pattern is first used (typed as the pattern)."""
    return cast("re.Pattern[AnyStr]", LazyPattern(source, flags))
