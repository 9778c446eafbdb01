"""Writing the destination: stale-file cleanup, conflict reports, writing outputs.

Outputs are written to a temporary name and renamed into place, so an
interrupted build never leaves a half-written file behind. An output whose bytes
are already at its destination is not written again, and a static file already
copied (same size and modification time as its source, which the copy keeps) is
not copied again: unchanged files keep their inode and mtime, so rsync and deploy
tools see only what changed. In a staged build the destination's files are hard
links to the previous site's, so a skipped write keeps the old file as it was.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
from typing import TYPE_CHECKING, Any, Optional

from .lazy_re import lazy_pattern
from .errors import FatalError
from .log import logger
from .staging import published_dest

if TYPE_CHECKING:
    from .site import Site

_HIDDEN = lazy_pattern(r"/\.{1,2}$")


def _parent_dirs(path: str, dest: str) -> list[str]:
    parents = []
    parent = os.path.dirname(path)
    while parent != dest and parent.startswith(dest):
        parents.append(parent)
        parent = os.path.dirname(parent)
    return parents


def remove_obsolete(site: "Site") -> None:
    """Delete files in the destination that this build does not produce, except ``keep_files``."""
    dest = site.dest
    if not os.path.isdir(dest):
        return
    keep = re.compile(
        r"\A" + re.escape(dest) + r"/(" + "|".join(re.escape(k) for k in site.keep_files) + r")"
    ) if site.keep_files else None
    keep_dirs = {d for k in site.keep_files for d in _parent_dirs(site.in_dest_dir(k), dest)}
    new_files = {item.destination(dest) for item in site.each_site_file()}
    new_dirs = {d for f in new_files for d in _parent_dirs(f, dest)}
    existing = set()
    for root, dirs, files in os.walk(dest):
        for name in dirs + files:
            path = os.path.join(root, name)
            if _HIDDEN.search(path) or (keep and keep.match(path)) or path in keep_dirs:
                continue
            existing.add(path)
    obsolete = (existing - new_files - new_dirs) | {d for d in new_dirs if os.path.isfile(d)}
    for path in sorted(obsolete, reverse=True):
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        elif os.path.lexists(path):
            os.remove(path)


def report_conflicts(site: "Site") -> bool:
    """Jekyll's ``Conflict:`` warning for destinations shared by several files."""
    by_dest: dict[str, list[str]] = {}
    for item in site.each_site_file():
        if getattr(item, "allow_shared_destination", False):
            continue
        shown = os.path.join(published_dest(site), os.path.relpath(item.destination(site.dest), site.dest))
        by_dest.setdefault(shown, []).append(getattr(item, "page_path", item.path))
    found = False
    for dest, paths in by_dest.items():
        if len(paths) < 2:
            continue
        found = True
        logger.warn("Conflict:", "The following destination is shared by multiple files.")
        logger.warn("", "The written file may end up with unexpected contents.")
        logger.warn("", dest)
        for path in paths:
            logger.warn("", f" - {path}")
        logger.warn("")
    return found


def overwritten(site: "Site") -> set[Any]:
    """The files whose destination a later file of the site's writing order writes again (a page whose
    permalink names a static file): what a watched site's selective write must not write."""
    files = [(item.destination(site.dest), item) for item in site.each_site_file()
             if not getattr(item, "allow_shared_destination", False)]
    last = dict(files)
    return {item for destination, item in files if last[destination] is not item}


def _prepare(path: str) -> None:
    """Make room for a file at *path*: its directory exists, no directory sits in its place."""
    directory = os.path.dirname(path)
    if os.path.isfile(directory):
        os.remove(directory)
    os.makedirs(directory, exist_ok=True)
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)


def _regular_file(path: str) -> Optional[os.stat_result]:
    """*path*'s status when it is a regular file (not a link, not a folder), else None."""
    try:
        status = os.lstat(path)
    except OSError:
        return None
    return status if stat.S_ISREG(status.st_mode) else None


def holds(path: str, data: bytes) -> bool:
    """Whether the regular file at *path* already holds exactly *data*."""
    status = _regular_file(path)
    if status is None or status.st_size != len(data):
        return False
    try:
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


def _copied_already(source: str, path: str) -> bool:
    """Whether *path* is a copy of *source* made by :func:`write_item` (same size and mtime)."""
    copy = _regular_file(path)
    if copy is None:
        return False
    original = os.stat(source)
    return copy.st_size == original.st_size and copy.st_mtime_ns == original.st_mtime_ns


def write_file(path: str, data: bytes) -> None:
    """Write *data* to *path* atomically (temp file in the same directory, then rename),
    unless *path* already holds *data*."""
    if holds(path, data):
        return
    _prepare(path)
    tmp = f"{path}.liquidsite-tmp"
    with open(tmp, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


def _inside_destination(site: "Site", path: str) -> None:
    """Refuse to write *path* when a symlinked folder would take it out of the destination.

    Output paths are sanitized into the destination, but a symlink left in it
    (``keep_files``, a hand-made link) would carry the write anywhere.
    """
    root = site.dest
    directory = os.path.dirname(path)
    while not os.path.lexists(directory) and directory != root:
        directory = os.path.dirname(directory)
    real_root = os.path.realpath(root)
    real = os.path.realpath(directory)
    if real != real_root and not real.startswith(real_root.rstrip("/") + "/"):
        shown = os.path.join(published_dest(site), os.path.relpath(directory, root))
        raise FatalError(f"Refusing to write into {shown}: it leads outside the destination ({real}).")


def write_item(site: "Site", item: Any) -> None:
    from .documents import StaticFile

    dest = item.destination(site.dest)
    _inside_destination(site, dest)
    logger.debug("Writing:", dest)
    if isinstance(item, StaticFile):
        if _copied_already(item.path, dest):
            return
        _prepare(dest)
        tmp = f"{dest}.liquidsite-tmp"
        shutil.copy2(item.path, tmp)
        os.replace(tmp, dest)
        return
    write_file(dest, (item.output or "").encode("utf-8"))


def write_if_changed(site: "Site", item: Any, written: dict[str, Any]) -> bool:
    """Write *item* unless *written* (destination -> signature of what was written there)
    shows it is already in place; True when written. A watched site rewrites, and the dev
    server reloads, only what changed."""
    from .documents import StaticFile

    dest = item.destination(site.dest)
    if isinstance(item, StaticFile):
        stat = os.stat(item.path)
        signature: Any = (item.path, stat.st_mtime_ns, stat.st_size)
    else:
        signature = hashlib.sha1((item.output or "").encode("utf-8")).digest()
    if written.get(dest) == signature and os.path.exists(dest):
        return False
    write_item(site, item)
    written[dest] = signature
    return True
