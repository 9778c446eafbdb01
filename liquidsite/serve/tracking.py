"""Drops and a template loader that tell :mod:`liquidsite.dependencies` what a render reads.

The dev server installs these on its own site only, so plain builds keep the
untracked drops. Only reads that an incremental edit can invalidate are noted:
``site.data``, ``site.static_files``, included files, and the *bodies* of other
pages and documents (their front matter changing forces a full build anyway).
"""

from __future__ import annotations

import contextlib
import os
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Optional

from liquid.loader import BaseLoader

from ..dependencies import note
from ..liquid.drops import DocumentDrop, PageDrop, SiteDrop
from ..renderer import Renderer

if TYPE_CHECKING:
    from ..site import Site

_TRACKED_SITE_KEYS = ("data", "static_files")
#: Suffixes of the keys noting reads of a page's or document's front matter and excerpt.
DATA_SUFFIX = "#data"
EXCERPT_SUFFIX = "#excerpt"
_DOCUMENT_BODY_KEYS = ("content", "output")


class TrackingSiteDrop(SiteDrop):
    """``site``: notes ``site.data`` and ``site.static_files`` reads."""

    def __getitem__(self, key: str) -> Any:
        if key in _TRACKED_SITE_KEYS:
            note(f"site.{key}")
        return super().__getitem__(key)


#: While an incremental rebuild renders one output: the source text of an output the full
#: build would not have rendered yet at that point (None for the others). Jekyll replaces a
#: document's content when it renders, so what a reader sees depends on the build order.
_unrendered_source: ContextVar[Optional[Callable[[Any], Optional[str]]]] = ContextVar(
    "liquidsite_unrendered_source", default=None)


@contextlib.contextmanager
def rendering_before(source_of_unrendered: Callable[[Any], Optional[str]]) -> Iterator[None]:
    """Within the block, reads of ``content``/``output`` see the full build's state of the moment."""
    token = _unrendered_source.set(source_of_unrendered)
    try:
        yield
    finally:
        _unrendered_source.reset(token)


def _as_full_build_saw(item: Any, key: str) -> tuple[bool, Any]:
    lookup = _unrendered_source.get()
    source = lookup(item) if lookup is not None else None
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
    page would dominate an incremental rebuild). The dev server gives any edit of a file that
    is not a page, document, static or data file a fresh renderer, so nothing kept goes stale.
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
    ``paginator.posts``...) comes to hand out the tracking drop.
    """
    from ..documents import Document, Page

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
            if isinstance(doc, Document):
                doc.__dict__["drop"] = TrackingDocumentDrop(doc)
    for page in site.pages:
        if isinstance(page, Page):
            page.__dict__["drop"] = TrackingPageDrop(page)
