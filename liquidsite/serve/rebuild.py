"""Watcher events to ``Site.process``: the one build the dev server and ``build --watch`` run.

The site is built with a :class:`~liquidsite.dependencies.DependencyIndex`; each
burst of edits becomes a selection (:func:`liquidsite.selection.select`) for
``Site.process``, or, when an edit can change the shape of the site (a file added
or deleted, the configuration or a plugin edited, see ``selection.py``), a new
``Site`` with the configuration re-read and a full process. A failed build writes
nothing: the last good output stays in the destination and the failure is
returned for the browser overlay.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import gc
import os
import time
from typing import TYPE_CHECKING, Any, Iterable, Optional

from ..config import config_files, load_config
from ..errors import ErrorReport
from ..dependencies import DependencyIndex
from ..reader import EntryFilter
from ..selection import select
from .errors import describe_error

if TYPE_CHECKING:
    from ..site import Site

_ALWAYS_IGNORED = {".git", ".hg", ".svn", ".jekyll-cache", ".sass-cache", ".jekyll-metadata", "node_modules"}
#: Files editors create around a save (Vim's write probe and swap files, JetBrains' safe write...).
_EDITOR_TEMPORARY = ("4913", "*.swp", "*.swx", "*.tmp", "*___jb_tmp___", "*___jb_old___", ".#*", "#*#", "*~")


@dataclasses.dataclass
class BuildResult:
    kind: str  # "full" or "incremental"
    changed: list[str]  # destination files written or removed, "/"-rooted, relative to the destination
    rendered: int
    seconds: float
    error: Optional[ErrorReport] = None


class Rebuilder:
    """The watched site between edits: its ``Site``, the files its source has, its config files."""

    def __init__(self, overrides: dict[str, Any]) -> None:
        self.overrides = overrides
        self.index = DependencyIndex()
        self.site: Optional["Site"] = None
        self.known: set[str] = set()  # files in the source, to tell an added or deleted one
        self.config_paths: set[str] = set()

    @property
    def source(self) -> str:
        return self.site.source if self.site is not None else os.path.abspath(
            str(self.overrides.get("source") or os.getcwd()))

    def ignored(self, path: str) -> bool:
        """Paths whose changes never affect the site: destination, caches, VCS, excluded, hidden."""
        path = os.path.abspath(path)
        if path in self.config_paths:
            return False
        source = self.source
        if not path.startswith(source.rstrip("/") + "/"):
            return True
        site = self.site
        if site is not None and (path == site.dest or path.startswith(site.dest.rstrip("/") + "/")):
            return True
        rel = os.path.relpath(path, source)
        parts = rel.split(os.sep)
        if any(part in _ALWAYS_IGNORED for part in parts):
            return True
        if any(fnmatch.fnmatchcase(parts[-1], pattern) for pattern in _EDITOR_TEMPORARY):
            return True
        if site is None:
            return False
        entry_filter = EntryFilter(site)
        if entry_filter.included(rel):
            return False
        if any(part.startswith(".") or part.endswith("~") for part in parts):
            return True
        return entry_filter.excluded(rel)

    def full_build(self, config: Optional[dict[str, Any]] = None) -> BuildResult:
        """:meth:`build`, with a failure reported instead of raised."""
        started = time.monotonic()
        try:
            self.build(config)
        except Exception as err:  # noqa: BLE001 - every failure is reported, the watcher lives on
            return BuildResult("full", [], 0, time.monotonic() - started, describe_error(err))
        return BuildResult("full", self._urls(), len(self.index.order), time.monotonic() - started)

    def build(self, config: Optional[dict[str, Any]] = None) -> None:
        """A new ``Site`` (the configuration read again, unless given), processed whole."""
        from ..site import Site

        self.process(Site(config if config is not None else load_config(self.overrides), self.index))

    def process(self, site: "Site") -> None:
        """Process *site* (made with this rebuilder's ``index``) whole, and watch it from now on."""
        gc.unfreeze()  # the previous build's objects may be collected again
        files, _ = config_files(site.source, self.overrides.get("config"))
        self.config_paths = {os.path.abspath(f) for f in files}  # as load_config opens them
        if self.site is not None:
            site.net.carry_over(self.site.net)  # network answers outlive a full rebuild
        self.site = site
        # Until this build is written, a selection must not start from it: one that fails while
        # reading leaves a site half read, and the index still describes the build before.
        self.index.complete = False
        # Listed before the build reads the source: a file deleted while the build runs was read,
        # so its deletion must still count as one (listed after, it was dropped and stayed served).
        self.known = self._walk_source()
        site.process()
        # A file created while the build ran, after that listing, was read by it if the build holds it:
        # its deletion must count as one too, not be dropped as an editor's temporary file.
        self.known |= {os.path.abspath(item.path) for item in site.each_site_file()}
        self.known |= {os.path.abspath(layout.path) for layout in site.layouts.values()}
        # The site lives until the next full build: keep the cyclic collector from walking it
        # during edits (a large site otherwise makes some one-page rebuilds pause for a second).
        gc.collect()
        gc.freeze()

    def rebuild(self, paths: Iterable[str], structural: bool = False) -> BuildResult:
        """Apply edits of *paths*; *structural* (a directory added, moved or deleted) forces a full build."""
        started = time.monotonic()
        site = self.site
        # A file created and deleted within the burst (an editor's temporary) changes nothing.
        paths = {p for p in map(os.path.abspath, paths) if p in self.known or os.path.isfile(p)}
        if site is None or structural or any(self._changes_shape(path) for path in paths):
            return self.full_build()
        try:
            selection = select(site, paths)
            if selection is None:
                return self.full_build()
            site.process(selection)
        except Exception as err:  # noqa: BLE001 - e.g. broken YAML: the overlay names the file
            error = describe_error(err)
            if len(paths) == 1 and error.path is None:
                error = dataclasses.replace(error, path=os.path.relpath(next(iter(paths)), site.source))
            return BuildResult("incremental", [], 0, time.monotonic() - started, error)
        return BuildResult("incremental", self._urls(), len(selection.rendered), time.monotonic() - started)

    def origins(self) -> dict[str, str]:
        """Destination URL -> source path (relative to the source) of every output."""
        site = self.site
        if site is None:
            return {}
        return {self._url(item.destination(site.dest)): str(item.relative_path).lstrip("/")
                for item in site.each_site_file()}

    def _changes_shape(self, path: str) -> bool:
        """A configuration file edited, or a file added or deleted."""
        return path in self.config_paths or os.path.isfile(path) != (path in self.known)

    def _walk_source(self) -> set[str]:
        found: set[str] = set()
        for root, dirs, files in os.walk(self.source):
            dirs[:] = [d for d in dirs if not self.ignored(os.path.join(root, d))]
            found.update(os.path.join(root, f) for f in files)
        return found

    def _urls(self) -> list[str]:
        return [self._url(path) for path in self.index.changed]

    def _url(self, dest_path: str) -> str:
        assert self.site is not None
        return "/" + os.path.relpath(dest_path, self.site.dest).replace(os.sep, "/")
