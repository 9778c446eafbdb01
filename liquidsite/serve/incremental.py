"""Builds for the dev server: one full build, then re-render only what an edit can change.

While the full build renders each page and document, :mod:`liquidsite.dependencies`
records the keys it read: its own source and layouts (added here), every included
file (the include machinery notes absolute paths), ``site.data`` and
``site.static_files``, and the source path of every other page or document whose
*body* (``content``, ``output``, ``excerpt``) it read. An edit maps to keys, keys
map to outputs, and only those re-render; an output whose body changes in turn
re-renders the later outputs that read it, as a full build's order would.

Edits that can change the shape of the site (a file added or deleted, front matter
changed, the configuration changed) fall back to a full build with the
configuration re-read. A failed build writes nothing: the last good output stays
in the destination and the failure is returned for the browser overlay.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import gc
import hashlib
import heapq
import os
import time
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional, Union

from liquid.exceptions import LiquidError

from .. import writer
from ..config import config_files, load_config
from ..dependencies import recording
from ..documents import Document, Excerpt, Layout, Page, StaticFile
from ..errors import LiquidsiteError
from ..liquid import LiquidRenderError
from ..log import logger
from ..reader import EntryFilter, Reader
from ..utils import has_yaml_header
from ..yamlio import YAMLSyntaxError
from .tracking import DATA_SUFFIX, EXCERPT_SUFFIX, install_tracking, rendering_before

if TYPE_CHECKING:
    from ..site import Site

Renderable = Union[Page, Document]

#: Dependency key of every Sass page: any file in the Sass load paths may be imported.
SASS_KEY = "sass"
DATA_KEY = "site.data"
STATIC_FILES_KEY = "site.static_files"
#: Front matter that decides where a document sorts or is listed: changing it is a full build.
_LISTING_KEYS = ("date", "categories", "category", "tags", "tag", "published", "permalink", "slug", "draft")
_ALWAYS_IGNORED = {".git", ".hg", ".svn", ".jekyll-cache", ".sass-cache", ".jekyll-metadata", "node_modules"}
#: Files editors create around a save (Vim's write probe and swap files, JetBrains' safe write...).
_EDITOR_TEMPORARY = ("4913", "*.swp", "*.swx", "*.tmp", "*___jb_tmp___", "*___jb_old___", ".#*", "#*#", "*~")


@dataclasses.dataclass
class BuildError:
    """A failed build as the terminal and the browser overlay show it."""

    message: str
    file: Optional[str] = None
    line: Optional[int] = None

    @property
    def location(self) -> str:
        if not self.file:
            return ""
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclasses.dataclass
class BuildResult:
    kind: str  # "full" or "incremental"
    changed: list[str]  # destination files written or removed, "/"-rooted, relative to the destination
    rendered: int
    seconds: float
    error: Optional[BuildError] = None


class SiteBuilder:
    """Owns the served site between edits: its objects, what each output read, what was written."""

    def __init__(self, overrides: dict[str, Any]) -> None:
        self.overrides = overrides
        self.site: Optional["Site"] = None
        self.deps: dict[Renderable, set[str]] = {}  # output -> keys it read
        self.readers: dict[str, set[Renderable]] = {}  # key -> outputs that read it
        self.order: list[Renderable] = []  # the full build's render order
        self.position: dict[Renderable, int] = {}
        self.path_key: dict[Renderable, str] = {}  # output -> absolute source path
        self.by_path: dict[str, list[Renderable]] = {}  # absolute source path -> outputs rendered from it
        self.raw: dict[Renderable, str] = {}
        self.read_data: dict[Renderable, dict[str, Any]] = {}
        self.inputs: dict[str, Any] = {}
        self.known: set[str] = set()
        self.written: dict[str, Any] = {}
        self.origins: dict[str, str] = {}  # destination URL -> source path relative to the source
        self.config_paths: set[str] = set()
        self.pending: set[Renderable] = set()
        self.pending_full = False

    # -- paths the watcher reports -------------------------------------------------------

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

    # -- full builds -----------------------------------------------------------------------

    def full_build(self, config: Optional[dict[str, Any]] = None) -> BuildResult:
        """Read the configuration (unless given) and the whole source; render and write what changed."""
        started = time.monotonic()
        gc.unfreeze()  # the previous build's objects may be collected again
        site: Optional["Site"] = None
        try:
            config = config if config is not None else load_config(self.overrides)
            files, _ = config_files(config["source"], self.overrides.get("config"))
            self.config_paths = {os.path.abspath(f) for f in files}  # as load_config opens them
            from ..site import Site

            site = Site(config)
            if self.site is not None:
                site.net.carry_over(self.site.net)
            site.reset()
            site.read()
            read_data = {item: dict(item.data) for item in _render_order(site)}
            site.generate()
            install_tracking(site, drops=True, renderer=True)
            order = _render_order(site)
            raw = {item: item.content for item in order}
            deps = {item: _render(site, item) for item in order}
        except Exception as err:  # noqa: BLE001 - every failure is reported, the server lives on
            self.pending_full = True
            return BuildResult("full", [], 0, time.monotonic() - started, describe_error(err, site))
        self.site, self.raw, self.read_data, self.order = site, raw, read_data, order
        self.position = {item: index for index, item in enumerate(order)}
        self.path_key = {item: os.path.abspath(item.path) for item in order}
        self.by_path = {}
        for item, key in self.path_key.items():
            self.by_path.setdefault(key, []).append(item)
        self.deps, self.readers = {}, {}
        for item, keys in deps.items():
            self._record(item, keys)
        self.pending, self.pending_full = set(), False
        self.inputs = _inputs(site)
        self.known = self._walk_source()
        changed = self._write_all()
        # The site lives until the next full build: keep the cyclic collector from walking it
        # during edits (a large site otherwise makes some one-page rebuilds pause for a second).
        gc.collect()
        gc.freeze()
        return BuildResult("full", changed, len(order), time.monotonic() - started)

    def _walk_source(self) -> set[str]:
        found: set[str] = set()
        for root, dirs, files in os.walk(self.source):
            dirs[:] = [d for d in dirs if not self.ignored(os.path.join(root, d))]
            found.update(os.path.join(root, f) for f in files)
        return found

    def _write_all(self) -> list[str]:
        site = self.site
        assert site is not None
        writer.report_conflicts(site)
        writer.remove_obsolete(site)
        items = list(site.each_site_file())
        current = {item.destination(site.dest) for item in items}
        removed = [path for path in self.written if path not in current]
        for path in removed:
            del self.written[path]
        return self._write(items) + [self._url(path) for path in removed]

    def _write(self, items: Iterable[Any]) -> list[str]:
        """Write the items whose output differs from what is on disk; their destination URLs."""
        site = self.site
        assert site is not None
        changed = []
        for item in items:
            dest = item.destination(site.dest)
            if isinstance(item, StaticFile):
                stat = os.stat(item.path)
                signature: Any = (item.path, stat.st_mtime_ns, stat.st_size)
            else:
                signature = hashlib.sha1((item.output or "").encode("utf-8")).digest()
            if self.written.get(dest) == signature and os.path.exists(dest):
                continue
            writer.write_item(site, item)
            self.written[dest] = signature
            url = self._url(dest)
            self.origins[url] = item.relative_path.lstrip("/")
            changed.append(url)
        return changed

    def _url(self, dest_path: str) -> str:
        assert self.site is not None
        return "/" + os.path.relpath(dest_path, self.site.dest).replace(os.sep, "/")

    # -- incremental builds ----------------------------------------------------------------

    def rebuild(self, paths: Iterable[str], structural: bool = False) -> BuildResult:
        """Apply edits of *paths*; *structural* (a directory added, moved or deleted) forces a full build."""
        started = time.monotonic()
        site = self.site
        if site is None or self.pending_full or structural:
            return self.full_build()
        keys: set[str] = set()
        touched: set[Renderable] = set(self.pending)
        previous: dict[Renderable, tuple[Any, ...]] = {}  # bodies as other outputs last read them
        statics: list[StaticFile] = []
        kinds: set[str] = set()
        try:
            for path in sorted({os.path.abspath(p) for p in paths}):
                if path in self.config_paths:
                    return self.full_build()
                exists = os.path.isfile(path)
                if exists != (path in self.known):
                    return self.full_build()  # added or deleted
                if not exists:
                    continue
                try:
                    kind = self._apply_edit(path, keys, touched, previous, statics)
                except Exception as err:  # noqa: BLE001 - e.g. broken YAML: the overlay names the file
                    error = describe_error(err, site)
                    error.file = error.file or os.path.relpath(path, site.source)
                    return BuildResult("incremental", [], 0, time.monotonic() - started, error)
                if kind is None:
                    return self.full_build()
                kinds.add(kind)
        except Exception as err:  # noqa: BLE001
            return BuildResult("incremental", [], 0, time.monotonic() - started, describe_error(err, site))
        # Templates (layouts, includes) may be cached by the renderer: a template edit gets a fresh one.
        install_tracking(site, drops=False, renderer=bool(kinds & {"layout", "template"}))
        return self._render_batch(keys, touched, previous, statics, started)

    def _apply_edit(self, path: str, keys: set[str], touched: set[Renderable],
                    previous: dict[Renderable, tuple[Any, ...]], statics: list[StaticFile]) -> Optional[str]:
        """Update the site for an edited file and name what it was; None when only a full build is right."""
        site = self.site
        assert site is not None
        keys.add(path)
        item = self.inputs.get(path)
        if isinstance(item, (Page, Document)):
            reads_any_file = isinstance(item, Document) and item.collection.label == "posts"
            if not reads_any_file and not has_yaml_header(path):
                return None  # now a static file
            fresh = _reread(item)
            # Generated copies (pagination pages) share the file: they get the new body too.
            copies = [c for c in self.by_path.get(path, [item]) if c is item or type(c) is type(item)]
            old_data = self.read_data.get(item) or {}
            if fresh.data != old_data:
                if len(copies) > 1 or not _front_matter_edit_is_local(item, fresh, old_data):
                    return None
                self.read_data[item] = dict(fresh.data)
                _replace_data(item, fresh)
                keys.update({path + DATA_SUFFIX, path + EXCERPT_SUFFIX})  # `excerpt` may be front matter
            for copy in copies:
                previous.setdefault(copy, _body(copy))
                copy.content = fresh.content
                copy.body_line = fresh.body_line
                self.raw[copy] = fresh.content
                touched.add(copy)
            if isinstance(item, Document) and isinstance(fresh, Document):
                item.excerpt = Excerpt(item) if fresh.excerpt is not None else None
            return "document"
        if isinstance(item, Layout):
            base = site.in_source_dir(str(site.config.get("layouts_dir", "_layouts")))
            layout = Layout(site, base, item.name)
            site.layouts[".".join(item.name.split(".")[:-1])] = layout
            self.inputs[path] = layout
            return "layout"
        if isinstance(item, StaticFile):
            if has_yaml_header(path):
                return None  # now a page or document
            statics.append(item)
            keys.add(STATIC_FILES_KEY)
            return "static"
        data_dir = site.in_source_dir(str(site.config.get("data_dir", "_data")))
        if _under(path, data_dir):
            site.data = Reader(site).read_data(data_dir)
            keys.add(DATA_KEY)
            return "data"
        if any(_under(path, d) for d in _sass_dirs(site)):
            keys.add(SASS_KEY)
            return "sass"
        return "template"  # an include, or a file only what noted it depends on

    def _render_batch(self, keys: set[str], touched: set[Renderable], previous: dict[Renderable, tuple[Any, ...]],
                      statics: list[StaticFile], started: float) -> BuildResult:
        site = self.site
        assert site is not None
        batch = set(touched)
        for key in keys:
            batch |= self.readers.get(key, set())
        for item in batch:
            previous.setdefault(item, _body(item))
            self._reset(item)
        rendered = 0
        try:
            self._add_excerpt_readers(batch, previous)
            waiting = [self.position[item] for item in batch]
            heapq.heapify(waiting)
            done: set[int] = set()
            while waiting:  # in the full build's order
                position = heapq.heappop(waiting)
                if position in done:
                    continue
                done.add(position)
                item = self.order[position]
                with rendering_before(self._unrendered_source(position, batch)):
                    self._record(item, _render(site, item))
                rendered += 1
                if _body(item)[:2] == previous[item][:2]:
                    continue
                # content and output change as the site renders: only later outputs saw them.
                for reader in self.readers.get(self.path_key[item], set()) - batch:
                    if self.position[reader] > position:
                        previous[reader] = _body(reader)
                        self._reset(reader)
                        batch.add(reader)
                        heapq.heappush(waiting, self.position[reader])
        except Exception as err:  # noqa: BLE001
            self.pending = batch
            return BuildResult("incremental", [], rendered, time.monotonic() - started, describe_error(err, site))
        self.pending = set()
        written = [item for item in sorted(batch, key=self.position.__getitem__)
                   if isinstance(item, Page) or item.write]
        changed = self._write(written + statics)
        return BuildResult("incremental", changed, rendered, time.monotonic() - started)

    def _add_excerpt_readers(self, batch: set[Renderable], previous: dict[Renderable, tuple[Any, ...]]) -> None:
        """Add to *batch* the outputs that read an excerpt which now renders differently.

        An excerpt renders on its own, whatever the order of the build, so it can be
        compared before anything renders; readers anywhere in the order are affected.
        """
        frontier = list(batch)
        while frontier:
            readers: set[Renderable] = set()
            for item in frontier:
                old_excerpt = previous[item][2]
                excerpt = getattr(item, "excerpt", None)
                if old_excerpt is None or not isinstance(excerpt, Excerpt) or excerpt.output == old_excerpt:
                    continue
                readers |= self.readers.get(self.path_key[item] + EXCERPT_SUFFIX, set()) - batch
            for reader in readers:
                previous[reader] = _body(reader)
                self._reset(reader)
            batch |= readers
            frontier = list(readers)

    def _unrendered_source(self, position: int, batch: set[Renderable]) -> Callable[[Any], Optional[str]]:
        """For the output at *position*: outputs after it and not re-rendered now hold their
        rendered content, where the full build would still show their source."""

        def source(item: Any) -> Optional[str]:
            later = self.position.get(item, -1) > position
            return self.raw.get(item) if later and item not in batch else None

        return source

    def _record(self, item: Renderable, keys: set[str]) -> None:
        """Remember that *item* read *keys* (and no longer what it read before)."""
        old = self.deps.get(item, set())
        for key in old - keys:
            self.readers[key].discard(item)
        for key in keys - old:
            self.readers.setdefault(key, set()).add(item)
        self.deps[item] = keys

    def _reset(self, item: Renderable) -> None:
        """Back to the state a full build renders from: raw content, no output, a fresh excerpt."""
        item.content = self.raw.get(item, item.content)
        item.output = None
        if isinstance(item, Document) and item.excerpt is not None:
            item.excerpt = Excerpt(item)


def _render_order(site: "Site") -> list[Renderable]:
    """What ``Site.render`` renders, in its order: collection documents, then pages."""
    order: list[Renderable] = [doc for collection in site.collections.values() for doc in collection.docs]
    return order + list(site.pages)


def _render(site: "Site", item: Renderable) -> set[str]:
    """Render *item* (setting its output) and return the keys it read."""
    with recording() as keys:
        item.output = site.renderer.render(item)
    keys.add(os.path.abspath(item.path))
    name = item.data.get("layout")
    seen: list[Layout] = []
    while name is not None:
        layout = site.layouts.get(str(name))
        if layout is None or layout in seen:
            break
        seen.append(layout)
        keys.add(os.path.abspath(layout.path))
        name = layout.data.get("layout")
    if item.is_sass:
        keys.add(SASS_KEY)
    return keys


def _body(item: Renderable) -> tuple[Any, ...]:
    """What other outputs can read of *item* beyond its front matter: content, output, excerpt."""
    excerpt = getattr(item, "excerpt", None)
    return (item.content, item.output, excerpt._output if isinstance(excerpt, Excerpt) else None)


def _front_matter_edit_is_local(item: Renderable, fresh: Renderable, old_data: dict[str, Any]) -> bool:
    """True when new front matter leaves every list, order and URL of the site as it was,
    so only the outputs that read this item's front matter need to render again."""
    listing_keys = list(_LISTING_KEYS)
    if isinstance(item, Document):
        sort_by = item.collection.metadata.get("sort_by") if isinstance(item.collection.metadata, dict) else None
        if sort_by:
            listing_keys.append(str(sort_by))
    if any(fresh.data.get(key) != old_data.get(key) for key in listing_keys):
        return False
    return fresh.url == item.url


def _replace_data(item: Renderable, fresh: Renderable) -> None:
    """Give *item* the front matter of its re-read *fresh* twin; forget what its drop cached."""
    item.data = fresh.data
    if isinstance(item, Page) and isinstance(fresh, Page):
        item.front_matter = fresh.front_matter
    cache = getattr(item.__dict__.get("drop"), "_cache", None)
    if isinstance(cache, dict):
        cache.clear()


def _reread(item: Renderable) -> Renderable:
    site = item.site
    if isinstance(item, Page):
        return Page(site, item.dir_name, item.name)
    fresh = Document(site, item.path, item.collection)
    fresh.read()
    return fresh


def _inputs(site: "Site") -> dict[str, Any]:
    """Source path -> the object read from it."""
    found: dict[str, Any] = {}
    for layout in site.layouts.values():
        found[os.path.abspath(layout.path)] = layout
    for static in site.static_files:
        found[os.path.abspath(static.path)] = static
    for item in _render_order(site):
        if os.path.isfile(item.path):
            found.setdefault(os.path.abspath(item.path), item)
    return found


def _sass_dirs(site: "Site") -> list[str]:
    config = site.config.get("sass") or {}
    dirs = [str(config.get("sass_dir", "_sass"))] + [str(p) for p in config.get("load_paths", []) or []]
    return [site.in_source_dir(d) for d in dirs]


def _under(path: str, directory: str) -> bool:
    return path.startswith(directory.rstrip("/") + "/")


def describe_error(err: BaseException, site: Optional["Site"] = None) -> BuildError:
    """Log *err* as a watch-mode build does and describe it for the browser overlay.

    The overlay's ``file:line`` is a line of the file as the editor shows it: Liquid
    counts lines from the end of the front matter, so the body's offset is added.
    """
    liquid_error = _liquid_cause(err)
    if isinstance(err, LiquidRenderError) or liquid_error is not None:
        message, path, line = _liquid_details(err, liquid_error)
        if site is not None and path is not None and os.path.isabs(path) and _under(path, site.source):
            path = os.path.relpath(path, site.source)
            message = message.replace(f" in {os.path.join(site.source, path)}", f" in {path}")
        logger.error("Liquid Exception:", message)
        return BuildError(message, path, _file_line(site, path, line))
    if isinstance(err, (LiquidsiteError, YAMLSyntaxError)):
        logger.error("Error:", str(err))
        return BuildError(str(err), getattr(err, "path", None), getattr(err, "line", None))
    message = f"{type(err).__name__}: {err}"
    logger.error("Error:", message)
    return BuildError(message)


def _liquid_cause(err: BaseException) -> Optional[LiquidError]:
    """The python-liquid error behind *err*, if any (it may be wrapped or be the context)."""
    seen: set[int] = set()
    current: Optional[BaseException] = err
    while current is not None and id(current) not in seen:
        if isinstance(current, LiquidError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _liquid_details(err: BaseException, cause: Optional[LiquidError]) -> tuple[str, Optional[str], Optional[int]]:
    if isinstance(err, LiquidRenderError):
        return str(err), err.path, err.line
    assert cause is not None
    path = str(cause.template_name) if cause.template_name else None
    context = cause.context()
    line = context[0] if context else None
    where = f" (line {line})" if line else ""
    return f"Liquid error{where}: {cause.message} in {path}", path, line


def _file_line(site: Optional["Site"], path: Optional[str], line: Optional[int]) -> Optional[int]:
    """*line* of a template body as a line of its file (pages, documents and layouts have front matter)."""
    if site is None or path is None or line is None:
        return line
    candidates: list[Any] = [*site.layouts.values(), *_render_order(site)]
    for candidate in candidates:
        names = {getattr(candidate, "relative_path", None), getattr(candidate, "page_path", None)}
        if path in names:
            return line + int(getattr(candidate, "body_line", 1)) - 1
    return line
