"""What one edit of a watched site touches: a :class:`Selection` for ``Site.process(selection)``.

:func:`select` reads the edited files again into the site its last process left
(a page's or document's new body and front matter, a layout, the data files) and
asks the site's :class:`~liquidsite.dependencies.DependencyIndex` which outputs
read what changed. ``Site.render`` renders the selection in the full build's
order, with every hook; an output whose body (``content``, ``output``) comes out
different adds the later outputs that read it, which a full build would have
shown the new body. ``Site.write`` then writes what was rendered.

Where a selection cannot bound an edit's effect, :func:`select` returns None and
the caller processes the whole site:

- a file deleted, a page that lost its front matter, a static file that gained one;
- front matter that orders or lists documents or makes URLs (dates, tags,
  categories, permalink...) or that a generator reads (``generate_reads``);
- any page or document edit when a built-in generator may read bodies, an edit
  of a file a generator declares it read (``generate_inputs``: a bibliography, a
  layout it copied, a page a paginated copy repeats), a page with generated copies
  of another kind, and any edit at all when the site's own plugins generate or
  hook into reading (what they read is unknown, so only a full process runs them
  as a build does);
- a file of the site's plugins.
"""

from __future__ import annotations

import heapq
import os
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Optional, Union

from .dependencies import DATA, DATA_SUFFIX, EXCERPT_SUFFIX, SASS, STATIC_FILES, DependencyIndex
from .documents import Document, Excerpt, Layout, Page, StaticFile
from .plugins.base import ANY_FRONT_MATTER
from .reader import Reader
from .site_plugins import plugin_dirs
from .tracking import install_tracking
from .utils import has_yaml_header

if TYPE_CHECKING:
    from .site import Site

Renderable = Union[Page, Document]

#: Front matter that decides where a document sorts or is listed, or where it is written.
LISTING_KEYS = ("date", "categories", "category", "tags", "tag", "published", "permalink", "slug", "draft")
#: Hook events that run while the site is read: a selection does not read the site again.
READING_EVENTS = ("after_reset", "post_read", "post_init")


class Selection:
    """The outputs an edit touches, handed out in the full build's render order.

    Iterating renders nothing: ``Site.render`` renders each output handed out,
    and the selection then compares what other outputs can read of it with what
    they read before, adding the later readers when it changed.
    """

    def __init__(self, index: DependencyIndex, touched: set[Renderable], keys: set[str],
                 previous: dict[Renderable, tuple[Any, ...]], statics: list[StaticFile]) -> None:
        self.index = index
        self.items: set[Renderable] = touched | index.readers_of(keys) | index.pending
        self.previous = previous  # what other outputs last read of each selected one
        self.statics = statics
        self.rendered: list[Renderable] = []
        self.position = -1  # of the output being rendered

    def __iter__(self) -> Iterator[Renderable]:
        index = self.index
        index.pending = self.items  # until written: a failed render leaves them for the next edit
        for item in self.items:
            self._reset(item)
        self._add_excerpt_readers()
        waiting = [index.position[item] for item in self.items]
        heapq.heapify(waiting)
        done: set[int] = set()
        index.rendering = self
        try:
            while waiting:
                position = heapq.heappop(waiting)
                if position in done:
                    continue
                done.add(position)
                item = index.order[position]
                self.position = position
                yield item
                self.rendered.append(item)
                if _body(item)[:2] == self.previous[item][:2]:
                    continue
                # content and output change as the site renders: only later outputs saw them.
                for reader in index.readers.get(index.source_path[item], set()) - self.items:
                    if index.position[reader] > position:
                        self._add(reader)
                        heapq.heappush(waiting, index.position[reader])
        finally:
            index.rendering = None

    def written(self) -> list[Any]:
        """What ``Site.write`` writes: the outputs rendered, in render order, and edited static files."""
        rendered = sorted(self.rendered, key=self.index.position.__getitem__)
        return [item for item in rendered if isinstance(item, Page) or item.write] + self.statics

    def unrendered_source(self, item: Any) -> Optional[str]:
        """Outputs after the one rendering and not selected hold their rendered content,
        where a full build would still show their source."""
        later = self.index.position.get(item, -1) > self.position
        source = self.index.raw.get(item) if later and item not in self.items else None
        return source if isinstance(source, str) else None

    def _add(self, item: Renderable) -> None:
        self.previous[item] = _body(item)
        self._reset(item)
        self.items.add(item)

    def _reset(self, item: Renderable) -> None:
        """Back to the state a full build renders from: raw content, no output, a fresh excerpt."""
        self.previous.setdefault(item, _body(item))
        item.content = self.index.raw.get(item, item.content)
        item.output = None
        if isinstance(item, Document) and item.excerpt is not None:
            item.excerpt = Excerpt(item)

    def _add_excerpt_readers(self) -> None:
        """Select the outputs that read an excerpt which now renders differently.

        An excerpt renders on its own, whatever the order of the build, so it can be
        compared before anything renders; readers anywhere in the order are affected.
        """
        frontier = list(self.items)
        while frontier:
            readers: set[Renderable] = set()
            for item in frontier:
                old_excerpt = self.previous[item][2]
                excerpt = getattr(item, "excerpt", None)
                if old_excerpt is None or not isinstance(excerpt, Excerpt) or excerpt.output == old_excerpt:
                    continue
                readers |= self.index.readers.get(self.index.source_path[item] + EXCERPT_SUFFIX, set()) - self.items
            for reader in readers:
                self._add(reader)
            frontier = list(readers)


def select(site: "Site", paths: Iterable[str]) -> Optional[Selection]:
    """Read the edited *paths* again into *site*; the outputs to render and write, or None
    when only a full process is right (see the module docstring)."""
    index = site.dependencies
    if index is None or not index.complete or not _reading_is_known(site):
        return None
    edit = _Edit(site, index)
    try:
        generated_from = _generator_inputs(site)
    except Exception:  # noqa: BLE001 - a generator's inputs unknown (its configuration broken): the full
        return None  # process runs it, and reports what is wrong as a build does
    for path in sorted({os.path.abspath(p) for p in paths}):
        if any(path == read or _under(path, read) for read in generated_from) or not edit.apply(path):
            return None
    # Templates may be cached by the renderer: an edited layout or include gets a fresh one.
    install_tracking(site, drops=False, renderer=edit.templates_changed)
    return Selection(index, edit.touched, edit.keys, edit.previous, edit.statics)


def _generator_inputs(site: "Site") -> set[str]:
    """The files and folders the built-in generators read besides front matter (``generate_inputs``)."""
    return {os.path.abspath(path) for plugin in site.builtin_plugins
            if plugin.generate is not None and plugin.generate_inputs is not None
            for path in plugin.generate_inputs(site)}


def _reading_is_known(site: "Site") -> bool:
    """False when the site's own plugins generate or hook into reading: what they read is unknown."""
    plugins = site.site_plugins
    return not plugins.generators and not plugins.hooks.registered(*READING_EVENTS)


class _Edit:
    """Applies edited files to the site, collecting the keys they change and the outputs they touch."""

    def __init__(self, site: "Site", index: DependencyIndex) -> None:
        self.site = site
        self.index = index
        self.inputs = _inputs(site, index)
        self.keys: set[str] = set()
        self.touched: set[Renderable] = set()
        self.previous: dict[Renderable, tuple[Any, ...]] = {}
        self.statics: list[StaticFile] = []
        self.templates_changed = False

    def apply(self, path: str) -> bool:
        """Update the site for the edited file at *path*; False when only a full process is right."""
        site = self.site
        if not os.path.isfile(path) or any(_under(path, d) for d in plugin_dirs(site)):
            return False
        self.keys.add(path)
        item = self.inputs.get(path)
        if isinstance(item, (Page, Document)):
            return self._reread(path, item)
        if isinstance(item, Layout):
            base = site.in_source_dir(str(site.config.get("layouts_dir", "_layouts")))
            layout = Layout(site, base, item.name)
            site.layouts[".".join(item.name.split(".")[:-1])] = layout
            self.inputs[path] = layout
            self.templates_changed = True
            return True
        if isinstance(item, StaticFile):
            if has_yaml_header(path) or item.path != item.source_path:
                return False  # now a page or document; or written from a copy a generator made of it (minified)
            self.statics.append(item)
            self.keys.add(STATIC_FILES)
            return True
        data_dir = site.in_source_dir(str(site.config.get("data_dir", "_data")))
        if _under(path, data_dir):
            site.data = Reader(site).read_data(data_dir)
            for plugin in site.builtin_plugins:  # what they add to the data, as the full build did
                if plugin.generate is not None and plugin.generate_data_only:
                    plugin.generate(site)
            self.keys.add(DATA)
        elif any(_under(path, d) for d in _sass_dirs(site)):
            self.keys.add(SASS)
        else:
            self.templates_changed = True  # an include, or a file only what noted it depends on
        return True

    def _reread(self, path: str, item: Renderable) -> bool:
        """A page's or document's new body (and front matter, when no list or URL depends on it)."""
        site = self.site
        generated_from = [p for p in site.builtin_plugins if p.generate is not None]
        if any(p.generate_reads is None for p in generated_from):
            return False  # a generator may have read the old body
        reads_any_file = isinstance(item, Document) and item.collection.label == "posts"
        if not reads_any_file and not has_yaml_header(path):
            return False  # now a static file
        # Generated copies (pagination pages) share the file: they get the new body too. A generator's
        # page of another kind at the same path (a paginated copy of another page) only a process remakes.
        copies = self.index.by_path.get(path, [item])
        if any(type(copy) is not type(item) for copy in copies):
            return False
        fresh = _read_again(item)
        old_data = self.index.read_data.get(item) or {}
        if isinstance(fresh, Document) and "date" in old_data and "date" not in fresh.data:
            fresh.date  # noqa: B018 - fills data["date"] as reading the site did (the site's time, for a dateless one)
        if fresh.data != old_data:
            generator_keys = [key for p in generated_from for key in p.generate_reads or ()]
            if len(copies) > 1 or not _front_matter_edit_is_local(item, fresh, old_data, generator_keys):
                return False
            self.index.read_data[item] = dict(fresh.data)
            _replace_data(item, fresh)
            self.keys.update({path + DATA_SUFFIX, path + EXCERPT_SUFFIX})  # `excerpt` may be front matter
        for copy in copies:
            self.previous.setdefault(copy, _body(copy))
            copy.content = fresh.content
            copy.body_line = fresh.body_line
            self.index.raw[copy] = fresh.content
            self.touched.add(copy)
        if isinstance(item, Document) and isinstance(fresh, Document):
            item.excerpt = Excerpt(item) if fresh.excerpt is not None else None
        return True


def _inputs(site: "Site", index: DependencyIndex) -> dict[str, Any]:
    """Source path -> the object read from it (layouts, static files, pages and documents)."""
    found: dict[str, Any] = {}
    for layout in site.layouts.values():
        found[os.path.abspath(layout.path)] = layout
    for static in site.static_files:
        found[os.path.abspath(static.source_path)] = static
    for path, items in index.by_path.items():
        found.setdefault(path, items[0])
    return found


def _body(item: Renderable) -> tuple[Any, ...]:
    """What other outputs can read of *item* beyond its front matter: content, output, excerpt."""
    excerpt = getattr(item, "excerpt", None)
    return (item.content, item.output, excerpt._output if isinstance(excerpt, Excerpt) else None)


def _front_matter_edit_is_local(item: Renderable, fresh: Renderable, old_data: dict[str, Any],
                                generator_keys: list[str]) -> bool:
    """True when new front matter leaves every list, order and URL of the site as it was and
    no generator read what changed, so only the outputs that read it need to render again."""
    if ANY_FRONT_MATTER in generator_keys:
        return False
    keys = [*LISTING_KEYS, *generator_keys]
    if isinstance(item, Document):
        sort_by = item.collection.metadata.get("sort_by") if isinstance(item.collection.metadata, dict) else None
        if sort_by:
            keys.append(str(sort_by))
    if any(fresh.data.get(key) != old_data.get(key) for key in keys):
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


def _read_again(item: Renderable) -> Renderable:
    site = item.site
    if isinstance(item, Page):
        return Page(site, item.dir_name, item.name)
    fresh = Document(site, item.path, item.collection)
    fresh.read()
    return fresh


def _sass_dirs(site: "Site") -> list[str]:
    config = site.config.get("sass") or {}
    dirs = [str(config.get("sass_dir", "_sass"))] + [str(p) for p in config.get("load_paths", []) or []]
    return [site.in_source_dir(d) for d in dirs]


def _under(path: str, directory: str) -> bool:
    return path.startswith(directory.rstrip("/") + "/")
