"""The site and its pipeline: ``Site.process()`` = read → generate → render → cleanup → write."""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any, Iterator, Optional, Union

from .collection import Collection
from .converters import Converter, build_converters
from .documents import Document, Layout, Page, StaticFile
from .errors import FatalError
from .frontmatter import FrontmatterDefaults
from .liquid.drops import JekyllDrop, SiteDrop
from .reader import Reader
from .staging import staged_destination
from .timeutil import parse_date, zone
from . import cache, dependencies, pool, sass, site_plugins, writer
from . import theme as themes
from .config import DEFAULTS
from .net import Network
from .dependencies import DependencyIndex
from .regenerator import Regenerator

if TYPE_CHECKING:
    from .selection import Selection

SiteFile = Union[Page, Document, StaticFile]


#: Jekyll 4's abort when ``relative_permalinks`` is set (``Site#render``)
RELATIVE_PERMALINKS = ("Since v3.0, permalinks for pages in subfolders must be relative to the site source "
                       "directory, not the parent directory. Check https://jekyllrb.com/docs/upgrading/ "
                       "for more info.")

class Site:
    """One source directory with one configuration, built by :meth:`process`.

    A watched site (the dev server, ``build --watch``) is given a *dependencies*
    index, which its processes fill so that the next one can take a selection.
    """

    def __init__(self, config: dict[str, Any], dependencies: Optional[DependencyIndex] = None) -> None:
        self.theme = themes.resolve(config)
        if self.theme is not None and not config.get("remote_theme"):
            config = themes.merge_theme_config(config, self.theme, DEFAULTS)
        self.config = config
        self.config_fingerprint = cache.config_fingerprint(config)  # as loaded, before plugins write to it
        self.dependencies = dependencies
        self.source = os.path.abspath(config["source"])
        self.dest = os.path.abspath(config["destination"])
        self.safe = bool(config.get("safe"))
        self.include = list(config.get("include") or [])
        self.exclude = list(config.get("exclude") or [])
        self.keep_files = list(config.get("keep_files") or [])
        self.future = bool(config.get("future"))
        self.unpublished = bool(config.get("unpublished"))
        self.show_drafts = bool(config.get("show_drafts"))
        self.limit_posts = int(config.get("limit_posts") or 0)
        self.permalink_style = str(config.get("permalink") or "date")
        self.tz = zone(config.get("timezone"))
        self.environment = os.environ.get("JEKYLL_ENV", "development")
        self.jobs = pool.configured_jobs(config)  # checked before anything is read
        if self.limit_posts < 0:
            raise FatalError("limit_posts must be a non-negative number")
        self.ensure_not_in_dest()
        self.configure_cache()
        self.net = Network(self)
        self.converters: list[Converter] = build_converters(self)
        self._converter_by_ext: dict[str, Converter] = {}
        from . import plugins

        plugins.warn_unknown(config)
        self.builtin_plugins = plugins.enabled(config, self.theme.dependencies if self.theme is not None else ())
        self.converters[:0] = [plugin.converter(self) for plugin in self.builtin_plugins if plugin.converter]
        self.site_plugins = site_plugins.load(self)
        self.reset()
        self.site_plugins.hooks.trigger("site", "after_init", self)

    # -- state ------------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget everything read or rendered, so the same Site can process again."""
        from .renderer import Renderer

        if self.config.get("time"):
            self.time = parse_date(self.config["time"], self.tz, "Invalid time in _config.yml.")
        else:
            self.time = dt.datetime.now(self.tz)
        cache.clear_if_config_changed(self.cache_root, self.config, self.config_fingerprint)
        self.layouts: dict[str, Layout] = {}
        self.pages: list[Page] = []
        self.static_files: list[StaticFile] = []
        self.data: dict[str, Any] = {}
        self.collections = self._make_collections()
        self.frontmatter_defaults = FrontmatterDefaults(self.config, self.source, self.tz)
        self.site_drop = SiteDrop(self)
        self.jekyll_drop = JekyllDrop(self.environment)
        self.renderer = Renderer(self)
        self.regenerator = Regenerator(self)
        self._post_attr: dict[str, dict[str, list[Any]]] = {}

    def _make_collections(self) -> dict[str, Collection]:
        names = self.config.get("collections")
        if isinstance(names, dict):
            labels = list(names)
        elif isinstance(names, list):
            labels = [str(n) for n in names]
        else:
            labels = []
        return {label: Collection(self, label) for label in labels}

    def ensure_not_in_dest(self) -> None:
        """Refuse a destination that is or contains the source, before anything is deleted."""
        path = self.source
        while True:
            if path == self.dest:
                raise FatalError("Destination directory cannot be or contain the Source directory.")
            parent = os.path.dirname(path)
            if parent == path:
                return
            path = parent

    def configure_cache(self) -> None:
        """Create the cache directory hidden from git, as Jekyll does (not in safe mode)."""
        self.cache_root = cache.cache_root(self.config, self.source)
        if self.cache_root is None:
            return
        cache_dir = self.in_source_dir(str(self.config.get("cache_dir") or ".jekyll-cache"))
        gitignore = os.path.join(cache_dir, ".gitignore")
        if not os.path.exists(gitignore):
            os.makedirs(cache_dir, exist_ok=True)
            with open(gitignore, "w", encoding="utf-8") as handle:
                handle.write("# ignore everything in this directory\n*\n")

    # -- the pipeline -----------------------------------------------------------------------

    def process(self, selection: Optional["Selection"] = None) -> None:
        """Jekyll's ``Site#process``. With a *selection* (:mod:`liquidsite.selection`: what an
        edit of a watched site touches), the site stays as read and generated by the last
        process, and only the selected outputs render and are written, with every hook.
        What the build added to the caches is written when it ends, however it ends."""
        try:
            self._process(selection)
        finally:
            cache.flush()

    def _process(self, selection: Optional["Selection"]) -> None:
        if self.config.get("profile"):
            from .profiler import profile_process

            profile_process(self)
            return
        if selection is None:
            self.reset()
            self.site_plugins.hooks.trigger("site", "after_reset", self)
            self.read()
        with sass.compiled_early(self, enabled=selection is None and self.dependencies is None) as generated:
            if selection is None:
                self.generate()
            generated()
            self.render(selection)
        if self.dependencies is not None:  # a watched site is written in place, as its server serves it
            self.cleanup(selection)
            self.write(selection)
            return
        with staged_destination(self):  # a failed or killed write leaves the old site whole
            self.cleanup()
            self.write()

    def read(self) -> None:
        Reader(self).read()
        if self.limit_posts > 0:
            self.posts.docs = self.posts.docs[-self.limit_posts:]
        others = [d for label, c in self.collections.items() if label != "posts" for d in c.docs]
        for item in [*self.posts.docs, *self.pages, *others]:  # Jekyll's reading order
            self.site_plugins.hooks.trigger_item(item, "post_init")
        self.site_plugins.hooks.trigger("site", "post_read", self)
        if self.dependencies is not None:  # front matter as read, before generators change it
            self.dependencies.read_data = {item: dict(item.data) for item in self.render_order()}

    def generate(self) -> None:
        """Generators (pagination, feeds, sitemaps, redirects, ...) of the enabled plugins."""
        site_plugins.generate(self)

    def render(self, selection: Optional["Selection"] = None) -> None:
        if self.config.get("relative_permalinks"):  # Site#relative_permalinks_are_deprecated aborts
            raise FatalError(RELATIVE_PERMALINKS)
        if selection is None and self.dependencies is not None:
            from .tracking import install_tracking

            self.dependencies.start(self.render_order())
            install_tracking(self, drops=True, renderer=True)
        hooks = self.site_plugins.hooks
        self.renderer.leaked = (None, None)  # each build's payload is new (Site#site_payload)
        hooks.trigger("site", "pre_render", self, self.renderer.payload(None))
        if selection is not None:
            pool.render_selection(self, selection)  # in order, in this process or in workers (--jobs)
        else:
            pool.render(self)
        hooks.trigger("site", "post_render", self, self.renderer.payload(None))

    def render_order(self) -> list[Union[Page, Document]]:
        """What :meth:`render` renders, in Jekyll's order: collection documents, then pages."""
        order: list[Union[Page, Document]] = [doc for c in self.collections.values() for doc in c.docs]
        return order + self.pages

    def render_item(self, item: Union[Page, Document]) -> None:
        """Render one page or document unless an incremental build can keep its output."""
        if not self.regenerator.regenerate(item):
            return
        source = item.source()
        read = self.render_output(item)
        self.note_rendered(item, source, read)
        self.site_plugins.hooks.trigger_item(item, "post_render")

    def render_output(self, item: Union[Page, Document]) -> set[str]:
        """Render *item*'s output; what the render read (:mod:`liquidsite.dependencies`)."""
        with dependencies.recording() as read:
            item.output = self.renderer.render(item)
        return read

    def note_rendered(self, item: Union[Page, Document], source: Any, read: set[str]) -> None:
        """Keep what *item*'s render (from *source*) read, for ``--incremental`` and watched sites."""
        source_path = item.path if isinstance(item, Document) else self.in_source_dir(item.relative_path)
        self.regenerator.add_dependencies(source_path, read)
        if self.dependencies is not None:
            self.dependencies.rendered(item, source, read)

    def cleanup(self, selection: Optional["Selection"] = None) -> None:
        """Remove stale files (a selection never changes which files the site has)."""
        if selection is None:
            writer.remove_obsolete(self)

    def write(self, selection: Optional["Selection"] = None) -> None:
        index = self.dependencies
        if selection is None:
            writer.report_conflicts(self)
            if index is not None:
                index.overwritten = writer.overwritten(self)
        written = []
        for item in self.each_site_file() if selection is None else selection.written():
            if not self.regenerator.regenerate(item):
                continue
            if index is None:
                writer.write_item(self, item)
            elif selection is not None and item in index.overwritten:
                pass  # a later file of the site shares its destination: a full build leaves that one there
            elif writer.write_if_changed(self, item, index.written):
                written.append(item.destination(self.dest))
            if not isinstance(item, StaticFile):
                self.site_plugins.hooks.trigger_item(item, "post_write")
        self.regenerator.write_metadata()
        if index is not None:
            index.wrote(self, written, full=selection is None)
        self.site_plugins.hooks.trigger("site", "post_write", self)

    # -- queries ----------------------------------------------------------------------------

    @property
    def posts(self) -> Collection:
        if "posts" not in self.collections:
            self.collections["posts"] = Collection(self, "posts")
        return self.collections["posts"]

    @property
    def documents(self) -> list[Any]:
        seen: dict[int, Any] = {}
        for collection in self.collections.values():
            for item in [*collection.docs, *collection.files]:
                seen.setdefault(id(item), item)
        return list(seen.values())

    def each_site_file(self) -> Iterator[SiteFile]:
        seen: set[int] = set()
        groups = (
            self.pages,
            [s for s in self.static_files if s.write],
            [d for d in self.documents if isinstance(d, Document) and d.write],
        )
        for group in groups:
            for item in group:
                if id(item) not in seen:
                    seen.add(id(item))
                    yield item

    def post_attr_hash(self, attr: str) -> dict[str, list[Any]]:
        """``site.tags`` / ``site.categories``: name to posts, newest first."""
        if attr not in self._post_attr:
            table: dict[str, list[Document]] = {}
            for post in self.posts.docs:
                for name in post.data.get(attr) or []:
                    table.setdefault(name, []).append(post)
            self._post_attr[attr] = {
                name: [p.drop for p in sorted(posts, key=lambda d: d.sort_key(), reverse=True)]
                for name, posts in table.items()
            }
        return self._post_attr[attr]

    def hidden_in_the_future(self, item: Any) -> bool:
        date = getattr(item, "date", None)
        return date is not None and not self.future and int(date.timestamp()) > int(self.time.timestamp())

    def publisher_publish(self, item: Any) -> bool:
        can = item.data.get("published", True) is not False or self.unpublished
        return can and not self.hidden_in_the_future(item)

    def converter_for(self, ext: str) -> Converter:
        """The first converter matching *ext*, remembered on this site (a cache on the method
        would hold every Site ever built)."""
        converter = self._converter_by_ext.get(ext)
        if converter is None:
            converter = self._converter_by_ext[ext] = next(c for c in self.converters if c.matches(ext))
        return converter

    # -- paths ------------------------------------------------------------------------------

    @property
    def collections_path(self) -> str:
        sub = str(self.config.get("collections_dir") or "")
        return self.in_source_dir(sub) if sub else self.source

    def in_source_dir(self, *parts: str) -> str:
        path = self.source
        for part in parts:
            path = sanitized_path(path, part)
        return path

    def in_dest_dir(self, *parts: str) -> str:
        path = self.dest
        for part in parts:
            path = sanitized_path(path, part)
        return path

    def markdownify(self, text: str) -> str:
        return self.converter_for(".md").convert(text, "markdownify")


def sanitized_path(base: str, questionable: Optional[str]) -> str:
    """``Jekyll.sanitized_path``: *questionable* resolved inside *base*, never outside it."""
    if questionable is None:
        return base
    clean = str(questionable)
    if clean.startswith("~"):
        clean = "/" + clean
    clean = os.path.normpath(os.path.join("/", clean))
    if clean == base:
        return clean
    clean = "/" + clean.lstrip("/")
    if clean.startswith(base.rstrip("/") + "/"):
        return clean
    return os.path.join(base, clean.lstrip("/")) if clean != "/" else base
