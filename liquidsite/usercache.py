"""The user's content cache: artefacts that depend only on their input and a tool's version, shared by every site.

Jekyll keeps nothing between sites, so a fresh clone of a site (no ``.jekyll-cache``)
minifies, converts and compiles everything again. Some of that work depends on
nothing site-specific: terser's output for a vendor script (al-folio's 641 kB and
302 kB distill bundles take seconds), nbconvert's export of a notebook, a theme's
compiled stylesheet (libsass takes half a second on acad-homepage's). Those
results are kept here too, keyed by a digest of everything they depend on (the
tool and its version, its options, the input), so that another site, or a fresh
clone of the same one, finds them. A build's output is the same bytes with or
without this cache: an entry is only ever what the tool gave for that key. Sass
(:mod:`.sass`) names each Sass file by its place under the source or a load path
rather than its absolute path, and shares a stylesheet only when its CSS and map
name no path of the site and compiling it warned of nothing.

Where: ``$LIQUIDSITE_CONTENT_CACHE`` names the folder (``off`` disables the cache,
as the test suite does), else ``content/`` in liquidsite's user cache
(``$LIQUIDSITE_CACHE_DIR``, else ``$XDG_CACHE_HOME/liquidsite`` or
``~/.cache/liquidsite``). Entries are ``<kind>/<2 hex>/<digest><suffix>``, written
atomically; nothing is ever pruned (deleting the folder is always safe).
"""

from __future__ import annotations

import hashlib
import os
from typing import Optional, Union

#: the cache's folder, or ``off``
ENV = "LIQUIDSITE_CONTENT_CACHE"
_OFF = ("off", "0", "no", "false")


def root() -> Optional[str]:
    """The cache's folder, or None when it is disabled."""
    explicit = os.environ.get(ENV, "").strip()
    if explicit.lower() in _OFF:
        return None
    if explicit:
        return explicit
    from .theme import cache_dir

    return os.path.join(cache_dir(), "content")


def digest(*parts: Union[str, bytes]) -> str:
    """A key naming all of *parts* (each one's length is part of it, so no two splits collide)."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hashed.update(b"%d:" % len(data))
        hashed.update(data)
    return hashed.hexdigest()


def _path(kind: str, key: str, suffix: str) -> Optional[str]:
    folder = root()
    return None if folder is None else os.path.join(folder, kind, key[:2], key + suffix)


def read(kind: str, key: str, suffix: str = "") -> Optional[bytes]:
    """The entry stored under *key*, or None (absent, unreadable, or the cache disabled)."""
    path = _path(kind, key, suffix)
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def write(kind: str, key: str, body: bytes, suffix: str = "") -> None:
    """Store *body* under *key*, whole or not at all; a read-only or full disk only loses the entry."""
    path = _path(kind, key, suffix)
    if path is not None:
        write_file(path, body)


def write_file(path: str, body: bytes) -> bool:
    """Write *body* to *path* atomically (several builds may write one cache at once); False when it cannot
    be written (a read-only folder, a full disk)."""
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(body)
        os.replace(tmp, path)
    except OSError:
        try:
            os.remove(tmp)
        except OSError:
            pass
        return False
    return True
