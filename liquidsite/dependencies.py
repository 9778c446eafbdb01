"""What each rendered output read: the dev server's incremental rebuilds use it.

While a page renders inside :func:`recording`, any code that reads a file or a
site-wide value on the page's behalf calls :func:`note` with a key (an absolute
path for files, ``site.<name>`` for site-wide values). Outside a recording,
:func:`note` does nothing, so a plain build pays almost nothing.
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar
from typing import Iterator, Optional

_current: ContextVar[Optional[set[str]]] = ContextVar("liquidsite_dependencies", default=None)


@contextlib.contextmanager
def recording() -> Iterator[set[str]]:
    """Collect the keys noted while the block runs into the yielded set."""
    keys: set[str] = set()
    token = _current.set(keys)
    try:
        yield keys
    finally:
        _current.reset(token)


def note(key: str) -> None:
    """Record that the output being rendered depends on *key*."""
    keys = _current.get()
    if keys is not None:
        keys.add(key)
