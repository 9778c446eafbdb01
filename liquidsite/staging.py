"""Writing a build beside the destination and swapping it in.

A build that fails or is killed while writing must leave the previous site as it
was: the web server (or the user) keeps a whole site, never half of each. The
write phase therefore works in a hidden sibling directory that starts as a
hard-linked copy of the destination (so ``keep_files``, incremental outputs and
unchanged files cost no copy) and replaces the destination by two renames once
everything is written. Outputs are replaced by rename, never rewritten in place,
so the old site's files are never modified through the shared links.
"""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
import weakref
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

from .errors import FatalError

if TYPE_CHECKING:
    from .site import Site

_MARK = ".liquidsite-"
_FINAL: "weakref.WeakKeyDictionary[Site, str]" = weakref.WeakKeyDictionary()


def published_dest(site: "Site") -> str:
    """The destination the user named, also while ``site.dest`` points at the staging copy."""
    return _FINAL.get(site, site.dest)


def _stage_prefix(dest: str) -> str:
    return os.path.join(os.path.dirname(dest), f".{os.path.basename(dest)}{_MARK}")


def _remove_leftovers(dest: str) -> None:
    """Staging directories of builds that were killed before they could clean up."""
    for path in glob.glob(glob.escape(_stage_prefix(dest)) + "*"):
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)


def _link_tree(source: str, target: str) -> None:
    """A copy of *source* in *target* whose files are hard links (copies where links fail)."""
    for root, dirs, files in os.walk(source):
        rel = os.path.relpath(root, source)
        into = target if rel == "." else os.path.join(target, rel)
        for name in dirs:
            path = os.path.join(root, name)
            if os.path.islink(path):  # kept as a link, never followed
                os.symlink(os.readlink(path), os.path.join(into, name))
            else:
                os.mkdir(os.path.join(into, name))
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(root, d))]
        for name in files:
            path, copy = os.path.join(root, name), os.path.join(into, name)
            if os.path.islink(path):
                os.symlink(os.readlink(path), copy)
                continue
            try:
                os.link(path, copy)
            except OSError:
                shutil.copy2(path, copy)


def _make_stage(dest: str) -> str:
    parent = os.path.dirname(dest)
    if os.path.lexists(dest) and not os.path.isdir(dest):
        raise FatalError(f"Destination '{dest}' exists and is not a directory.")
    try:
        os.makedirs(parent, exist_ok=True)
        stage = tempfile.mkdtemp(prefix=os.path.basename(_stage_prefix(dest)), dir=parent)
        os.chmod(stage, _directory_mode(dest))  # mkdtemp's 0700 would hide the site from a web server
        return stage
    except (FileExistsError, NotADirectoryError) as err:
        raise FatalError(f"Destination '{dest}' cannot be written: {err.filename} is not a directory.") from None
    except OSError as err:
        raise FatalError(f"Destination '{dest}' cannot be written: {err.strerror} ({err.filename})") from None


def _directory_mode(dest: str) -> int:
    """The old destination's permissions, or what ``mkdir`` gives under the current umask."""
    if os.path.isdir(dest):
        return os.stat(dest).st_mode & 0o7777
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o777 & ~umask


def can_stage(dest: str) -> bool:
    """Whether *dest* can be swapped by renaming.

    Not a mount point or a symlink, and in a folder we may write to; a writable
    destination in a read-only folder (``/srv/www`` under a root-owned ``/srv``)
    is written in place, as before.
    """
    if os.path.ismount(dest) or os.path.islink(dest):
        return False
    parent = os.path.dirname(dest)
    in_place = os.path.isdir(dest) and os.access(dest, os.W_OK)
    return not (in_place and os.path.isdir(parent) and not os.access(parent, os.W_OK))


@contextmanager
def staged_destination(site: "Site") -> Iterator[None]:
    """Point ``site.dest`` at a staging copy while the body writes; swap it in on success.

    On any failure (or KeyboardInterrupt) the staging copy is removed and the
    destination is left exactly as it was.
    """
    dest = site.dest
    if not can_stage(dest):
        yield
        return
    _remove_leftovers(dest)
    stage = _make_stage(dest)
    try:
        if os.path.isdir(dest):
            _link_tree(dest, stage)
        site.dest = stage
        _FINAL[site] = dest
        yield
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    finally:
        site.dest = dest
        _FINAL.pop(site, None)
    _swap(stage, dest)


def _swap(stage: str, dest: str) -> None:
    """Replace *dest* by *stage*: two renames, the old tree removed afterwards."""
    old = None
    if os.path.isdir(dest):
        old = tempfile.mkdtemp(prefix=os.path.basename(_stage_prefix(dest)) + "old-", dir=os.path.dirname(dest))
        os.rmdir(old)
        os.rename(dest, old)
    try:
        os.rename(stage, dest)
    except OSError:
        if old is not None:
            os.rename(old, dest)
        shutil.rmtree(stage, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
