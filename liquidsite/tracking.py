"""Drops and a template loader that tell :mod:`liquidsite.dependencies` what a render reads.

A watched site (``site.dependencies`` set) installs these when a full process
renders, so plain builds keep the untracked drops. Only reads that an edit can
invalidate are noted: ``site.data``, ``site.static_files``, included files, the
*bodies* of other pages and documents (``content``, ``output``), their excerpts and
their front matter (``<path>#excerpt``, ``<path>#data``).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Mapping, Optional

from liquid.loader import BaseLoader

from .dependencies import DATA_SUFFIX, EXCERPT_SUFFIX, note
from .liquid.drops import DocumentDrop, PageDrop, SiteDrop
from .renderer import Renderer

if TYPE_CHECKING:
    from .site import Site

_TRACKED_SITE_KEYS = ("data", "static_files")
_DOCUMENT_BODY_KEYS = ("content", "output")


class TrackingSiteDrop(SiteDrop):
    """``site``: notes ``site.data`` and ``site.static_files`` reads."""

    def __getitem__(self, key: str) -> Any:
        if key in _TRACKED_SITE_KEYS:
            note(f"site.{key}")
        return super().__getitem__(key)

    def listed_pages(self) -> list[Any]:
        index = self.site.dependencies
        return index.listed_pages(self.site.pages) if index is not None else self.site.pages


def _as_full_build_saw(item: Any, key: str) -> tuple[bool, Any]:
    """During a selective render, what a full build would have shown of an output it had not
    rendered yet: its source as ``content``, no ``output`` (Jekyll replaces content as it renders)."""
    index = item.site.dependencies
    source = index.unrendered_source(item) if index is not None else None
    if source is None:
        return False, None
    return True, (source if key == "content" else None)


class TrackingDocumentDrop(DocumentDrop):
    """A document as other outputs see it: ``content``/``output`` note its source path,
    ``excerpt`` notes ``<path>#excerpt``, anything else ``<path>#data`` (front matter)."""

    def __getitem__(self, key: str) -> Any:
        path = os.path.abspath(self.doc.path)
        if key in _DOCUMENT_BODY_KEYS:
            note(path)
            unrendered, value = _as_full_build_saw(self.doc, key)
            if unrendered:
                return value
        else:
            note(path + (EXCERPT_SUFFIX if key == "excerpt" else DATA_SUFFIX))
        return super().__getitem__(key)


class TrackingPageDrop(PageDrop):
    """A page as other outputs see it (``site.pages``): ``content`` notes its path, other keys
    ``<path>#data``."""

    def __getitem__(self, key: str) -> Any:
        path = os.path.abspath(self.page.path)
        if key == "content":
            note(path)
            unrendered, value = _as_full_build_saw(self.page, key)
            if unrendered:
                return value
        else:
            note(path + DATA_SUFFIX)
        return super().__getitem__(key)


class NotingLoader(BaseLoader):
    """Wraps the environment's loader: notes each included file by absolute path and keeps
    what it parsed, by name, for the life of the renderer (re-parsing every include for every
    page would dominate a rebuild). A selection that re-reads a layout or any file that is not
    a page, document, static or data file gives the site a fresh renderer, so nothing kept goes stale.
    """

    def __init__(self, inner: BaseLoader) -> None:
        self.inner = inner
        self.loaded: dict[str, tuple[str, Any]] = {}

    def get_source(self, env: Any, template_name: str, *, context: Optional[Any] = None, **kwargs: object) -> Any:
        found = self.inner.get_source(env, template_name, context=context, **kwargs)
        note(os.path.abspath(found.name))
        return found

    def load(self, env: Any, name: str, *, globals: Optional[Mapping[str, object]] = None,  # noqa: A002
             context: Optional[Any] = None, **kwargs: object) -> Any:
        key = f"{name}\0{sorted(kwargs.items())!r}"
        if key in self.loaded:
            path, template = self.loaded[key]
            note(path)
            return template
        template = self.inner.load(env, name, globals=globals, context=context, **kwargs)
        path = os.path.abspath(str(template.path))
        note(path)
        self.loaded[key] = (path, template)
        return template


def install_tracking(site: "Site", drops: bool, renderer: bool) -> None:
    """A fresh tracking site drop (no stale cached lists); with *renderer*, a fresh renderer
    (no stale template caches); with *drops*, tracking drops on every page and document.

    A page's or document's ``drop`` is a cached property, so assigning the
    instance attribute is how every list (``site.posts``, ``page.next``,
    ``paginator.posts``...) comes to hand out the tracking drop. A generated page with
    a drop of its own (jekyll-archives-v2's) keeps it: it is what the page renders with,
    and only a full process, which runs the generator, changes what it holds.
    """
    from .documents import Document, Page

    site.site_drop = TrackingSiteDrop(site)
    if renderer:
        site.renderer = Renderer(site)
        env = site.renderer.liquid.env
        if env.loader is not None and not isinstance(env.loader, NotingLoader):
            env.loader = NotingLoader(env.loader)
    if not drops:
        return
    for collection in site.collections.values():
        for doc in collection.docs:
            if isinstance(doc, Document) and type(doc).drop is Document.drop:
                doc.__dict__["drop"] = TrackingDocumentDrop(doc)
    for page in site.pages:
        if isinstance(page, Page) and type(page).drop is Page.drop:
            page.__dict__["drop"] = TrackingPageDrop(page)
