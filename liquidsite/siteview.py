"""What the site model (pages, documents, collections, drops, Liquid) reads of the site.

:class:`~liquidsite.site.Site` owns the model and runs the pipeline; the model
only needs the site's configuration, its contents and a few of Jekyll's site
helpers. It names them through :class:`SiteView`, which ``Site`` satisfies, so
that imports point one way: ``site`` imports the model, the model never imports
``site`` (``tests/test_import_graph.py`` holds that).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Iterator, Protocol

if TYPE_CHECKING:
    from .collection import Collection
    from .converters import Converter
    from .documents import Page, StaticFile
    from .frontmatter import FrontmatterDefaults
    from .plugins.base import BuiltinPlugin
    from .renderer import Renderer
    from .site_plugins import SitePlugins


class SiteView(Protocol):
    """The site as the model sees it (Jekyll's ``Site`` attributes and helpers of the same names)."""

    @property
    def config(self) -> dict[str, Any]: ...

    @property
    def source(self) -> str: ...

    @property
    def safe(self) -> bool: ...

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
    def converters(self) -> list["Converter"]: ...

    @property
    def renderer(self) -> "Renderer": ...

    @property
    def frontmatter_defaults(self) -> "FrontmatterDefaults": ...

    @property
    def builtin_plugins(self) -> list["BuiltinPlugin"]: ...

    @property
    def site_plugins(self) -> "SitePlugins": ...

    def in_source_dir(self, *parts: str) -> str: ...

    def in_dest_dir(self, *parts: str) -> str: ...

    def converter_for(self, ext: str) -> "Converter": ...

    def publisher_publish(self, item: Any) -> bool: ...

    def post_attr_hash(self, attr: str) -> dict[str, list[Any]]: ...

    def each_site_file(self) -> Iterator[Any]: ...

    def markdownify(self, text: str) -> str: ...
