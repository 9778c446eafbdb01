"""What the site model (pages, documents, collections, drops, Liquid) reads of the site.

:class:`~liquidsite.site.Site` owns the model and runs the pipeline; the model
only needs the site's configuration, its contents and a few of Jekyll's site
helpers. It names them through :class:`SiteView`, which ``Site`` satisfies, so
that imports point one way: ``site`` imports the model, the model never imports
``site`` (``tests/test_import_graph.py`` holds that). The pipeline objects the
site hands out (renderer, converters, plugins) appear here as the small
protocols the model calls, not as their classes, whose modules name ``Site``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional, Protocol, Sequence

if TYPE_CHECKING:
    from .collection import Collection
    from .documents import Excerpt, Page, StaticFile
    from .frontmatter import FrontmatterDefaults
    from .net import Network


class ConverterView(Protocol):
    """A converter (``converters.Converter``) as pages and Liquid's ``markdownify`` use it."""

    @property
    def kind(self) -> str: ...

    def matches(self, ext: str) -> bool: ...

    def output_ext(self, ext: str) -> str: ...

    def convert(self, content: str, origin: str) -> str: ...

    def before_config_read(self) -> None: ...


class ExcerptRenderer(Protocol):
    """The site's renderer (``renderer.Renderer``) as an excerpt asks it for its output."""

    def render_excerpt(self, excerpt: "Excerpt") -> str: ...


class LiquidExtension(Protocol):
    """A built-in plugin (``plugins.base.BuiltinPlugin``) as the Liquid environment reads it."""

    @property
    def register_liquid(self) -> Optional[Callable[[Any], None]]: ...

    @property
    def loads_active_support(self) -> bool: ...


class LiquidRegistrar(Protocol):
    """The site's plugins (``site_plugins.SitePlugins``) as the Liquid environment reads them."""

    def register_liquid(self, env: Any) -> None: ...


class ThemeView(Protocol):
    """The site's theme (``theme.Theme``) as the ``include`` tag reads it."""

    @property
    def includes_path(self) -> Optional[str]: ...


class SiteView(Protocol):
    """The site as the model sees it (Jekyll's ``Site`` attributes and helpers of the same names)."""

    @property
    def config(self) -> dict[str, Any]: ...

    @property
    def source(self) -> str: ...

    @property
    def dest(self) -> str: ...

    @property
    def cache_root(self) -> Optional[str]:
        """The build cache's folder (``.jekyll-cache/Jekyll/Cache``), None when caching is off."""
        ...

    @property
    def safe(self) -> bool: ...

    @property
    def dependencies(self) -> Optional[Any]:
        """A watched site's index of what each render read (``serve``, ``--watch``: its files
        change between builds); None for a one-shot build."""
        ...

    @property
    def environment(self) -> str: ...

    @property
    def permalink_style(self) -> str: ...

    @property
    def tz(self) -> dt.tzinfo: ...

    @property
    def time(self) -> dt.datetime: ...

    @property
    def collections_path(self) -> str: ...

    @property
    def collections(self) -> dict[str, "Collection"]: ...

    @property
    def posts(self) -> "Collection": ...

    @property
    def pages(self) -> list["Page"]: ...

    @property
    def static_files(self) -> list["StaticFile"]: ...

    @property
    def documents(self) -> list[Any]: ...

    @property
    def data(self) -> dict[str, Any]: ...

    @property
    def converters(self) -> Sequence[ConverterView]: ...

    @property
    def renderer(self) -> ExcerptRenderer: ...

    @property
    def frontmatter_defaults(self) -> "FrontmatterDefaults": ...

    @property
    def builtin_plugins(self) -> Sequence[LiquidExtension]: ...

    @property
    def site_plugins(self) -> LiquidRegistrar: ...

    @property
    def theme(self) -> Optional[ThemeView]: ...

    @property
    def net(self) -> "Network": ...

    def in_source_dir(self, *parts: str) -> str: ...

    def in_dest_dir(self, *parts: str) -> str: ...

    def converter_for(self, ext: str) -> ConverterView: ...

    def publisher_publish(self, item: Any) -> bool: ...

    def post_attr_hash(self, attr: str) -> dict[str, list[Any]]: ...

    def each_site_file(self) -> Iterator[Any]: ...

    def markdownify(self, text: str) -> str: ...
