"""What each rendered output read: incremental builds (``-I``), the dev server and ``build --watch``.

While a page renders inside :func:`recording`, any code that reads a file or a
site-wide value on the page's behalf calls :func:`note` with a key (an absolute
path for files, ``site.<name>`` for site-wide values). Recordings nest: a key
noted inside several open recordings lands in each of them. Outside any
recording :func:`note` does nothing, so a plain build pays almost nothing.

A watched site (``Site(config, dependencies=DependencyIndex())``) keeps what its
last build read in a :class:`DependencyIndex`; :mod:`liquidsite.selection` turns
an edit into the outputs that read what changed.
"""

from __future__ import annotations

import contextlib
import os
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Optional, Protocol

if TYPE_CHECKING:
    from .siteview import SiteView

_open: ContextVar[tuple[set[str], ...]] = ContextVar("liquidsite_dependencies", default=())

#: Keys besides absolute source paths. Every Sass page reads ``SASS`` (any file in the
#: Sass load paths may be imported); ``site.data`` and ``site.static_files`` are site-wide.
SASS = "sass"
DATA = "site.data"
STATIC_FILES = "site.static_files"
#: ``site.pages`` and ``site.html_pages``: pages added while the site renders (Sass source maps)
#: are listed to the pages after them.
SITE_PAGES = "site.pages"
#: Suffixes of the keys noting reads of a page's or document's front matter and excerpt.
DATA_SUFFIX = "#data"
EXCERPT_SUFFIX = "#excerpt"


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


def note_all(keys: Iterable[str]) -> None:
    """:func:`note` each of *keys*: what a render whose output is reused read (``include_cached``)."""
    for open_keys in _open.get():
        open_keys.update(keys)


def note_body(item: Any, excerpt: bool = False) -> None:
    """Record a read of a page's or document's body (``content``, ``output``) or of its excerpt:
    what changes while the site renders. Every drop notes these (not only a watched site's
    tracking drops), so that a render worker (:mod:`liquidsite.pool`) knows what it read."""
    if _open.get():
        note(os.path.abspath(item.path) + (EXCERPT_SUFFIX if excerpt else ""))


def note_all_of(item: Any) -> None:
    """Record a read of a page's or document's body, front matter and excerpt (code that
    reads the objects themselves, not their drops: a plugin writing a feed or a sitemap)."""
    if _open.get():
        path = os.path.abspath(item.path)
        for key in (path, path + DATA_SUFFIX, path + EXCERPT_SUFFIX):
            note(key)


class RenderPosition(Protocol):
    """The selective render under way (:class:`liquidsite.selection.Selection`)."""

    #: the render order's position of the output rendering
    position: int

    def unrendered_source(self, item: Any) -> Optional[str]: ...


class DependencyIndex:
    """A watched site's last full build, as a rebuild starts from it.

    Filled by ``Site`` while it processes: the render order, each output's source
    text and front matter as read, the keys each output read and, the other way,
    the outputs that read each key. What was written to each destination (a
    signature) outlives the site, so a rebuild with a new ``Site`` (the
    configuration re-read) still rewrites, and names, only the outputs that changed.
    """

    def __init__(self) -> None:
        self.complete = False  # the last full process finished: a selection may start from it
        self.order: list[Any] = []  # what Site.render renders, in its order
        self.position: dict[Any, int] = {}
        self.source_path: dict[Any, str] = {}  # output -> absolute source path
        self.by_path: dict[str, list[Any]] = {}  # absolute source path -> outputs rendered from it
        self.raw: dict[Any, Any] = {}  # output -> what rendering starts from (Convertible.source)
        self.read_data: dict[Any, dict[str, Any]] = {}  # output -> front matter as read, before generators
        self.reads: dict[Any, set[str]] = {}  # output -> keys it read
        self.readers: dict[str, set[Any]] = {}  # key -> outputs that read it
        self.pending: set[Any] = set()  # outputs a failed selective render left unrendered
        self.added_by: dict[Any, int] = {}  # page a render added (a Sass source map) -> that render's position
        self._pages_seen = 0
        self.rendering: Optional[RenderPosition] = None  # the selection being rendered
        self.written: dict[str, Any] = {}  # destination -> signature of what is there
        self.overwritten: set[Any] = set()  # files the full write wrote over with a later file of the site
        self.changed: list[str] = []  # destinations the last process wrote or removed

    def start(self, order: list[Any]) -> None:
        """A full render of *order* begins: forget the previous build (not what was written)."""
        self.complete, self.rendering = False, None
        self.order = order
        self.position = {item: index for index, item in enumerate(order)}
        self.source_path = {item: os.path.abspath(item.path) for item in order}
        self.by_path = {}
        for item, path in self.source_path.items():
            self.by_path.setdefault(path, []).append(item)
        self.raw, self.reads, self.readers, self.pending, self.added_by = {}, {}, {}, set(), {}
        self._pages_seen = 0  # of site.pages, looked through for pages renders added

    def rendered(self, item: Any, source: Any, keys: set[str]) -> None:
        """*item* rendered from *source* and read *keys* (besides its own file, layouts and Sass)."""
        self.raw[item] = source
        keys.add(self.source_path.get(item) or os.path.abspath(item.path))
        site = item.site
        position = self.position.get(item)
        if position is not None and self.rendering is None and len(site.pages) > self._pages_seen:
            for page in site.pages[self._pages_seen:]:  # renders append the pages they add
                if page not in self.position:
                    self.added_by.setdefault(page, position)
            self._pages_seen = len(site.pages)
        name, seen = item.layout_name, []
        while name is not None:
            layout = site.layouts.get(str(name))
            if layout is None or layout in seen:
                break
            seen.append(layout)
            keys.add(os.path.abspath(layout.path))
            name = layout.data.get("layout")
        if item.is_sass:
            keys.add(SASS)
        old = self.reads.get(item, set())
        for key in old - keys:
            self.readers[key].discard(item)
        for key in keys - old:
            self.readers.setdefault(key, set()).add(item)
        self.reads[item] = keys

    def readers_of(self, keys: Iterable[str]) -> set[Any]:
        found: set[Any] = set()
        for key in keys:
            found |= self.readers.get(key, set())
        return found

    def listed_pages(self, pages: list[Any]) -> list[Any]:
        """*pages* as ``site.pages`` listed them when a full build rendered what a selective render is
        rendering now: without the pages later renders added (a Sass source map, added as its
        stylesheet renders, is only listed by what renders after it)."""
        if self.rendering is None or not self.added_by:
            return pages
        now = self.rendering.position
        return [page for page in pages if self.added_by.get(page, -1) < now]

    def unrendered_source(self, item: Any) -> Optional[str]:
        """During a selective render, the source text of *item* if a full build would not have
        rendered it yet at this point (None otherwise): what ``content`` read then."""
        return self.rendering.unrendered_source(item) if self.rendering is not None else None

    def wrote(self, site: "SiteView", destinations: Iterable[str], full: bool) -> None:
        """After a write: name the destinations written; a full one also forgets removed outputs."""
        self.changed, self.pending = list(destinations), set()
        if full:
            current = {item.destination(site.dest) for item in site.each_site_file()}
            removed = [path for path in self.written if path not in current]
            for path in removed:
                del self.written[path]
            self.changed += removed
            self.complete = True
