"""What each rendered output read: incremental builds (``-I``) and the dev server use it.

While a page renders inside :func:`recording`, any code that reads a file or a
site-wide value on the page's behalf calls :func:`note` with a key (an absolute
path for files, ``site.<name>`` for site-wide values). Recordings nest: a key
noted inside several open recordings lands in each of them. Outside any
recording :func:`note` does nothing, so a plain build pays almost nothing.
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar
from typing import Iterator

_open: ContextVar[tuple[set[str], ...]] = ContextVar("liquidsite_dependencies", default=())


@contextlib.contextmanager
def recording() -> Iterator[set[str]]:
    """Collect the keys noted while the block runs into the yielded set."""
    keys: set[str] = set()
    token = _open.set((*_open.get(), keys))
    try:
        yield keys
    finally:
        _open.reset(token)


def note(key: str) -> None:
    """Record that the output being rendered depends on *key*."""
    for keys in _open.get():
        keys.add(key)
