"""Rendering one page or document: Liquid, then conversion, then layouts (innermost first).

Everything here is per document and reads the site only through its drops
and configuration, so documents can render independently (worker processes,
incremental rebuilds).
"""

from __future__ import annotations

import os

from typing import TYPE_CHECKING, Any, Union

from . import dependencies
from .errors import ConversionError
from .liquid import LiquidRenderer
from .liquid.drops import CurrentSiteDrop, DocumentDrop, ExcerptDrop
from .log import logger
from .profiler import RenderStats
from .utils import deep_merge

if TYPE_CHECKING:
    from .documents import Document, Excerpt, Layout, Page
    from .site import Site

Renderable = Union["Page", "Document"]

#: a part of the shared payload a render left as it was (see ``Renderer.leaked``)
UNCHANGED: Any = object()


class Renderer:
    """Renders the site's pages and documents with one Liquid environment."""

    def __init__(self, site: "Site") -> None:
        self.site = site
        self.liquid = LiquidRenderer(site)
        self.stats = RenderStats() if site.config.get("profile") else None
        # Jekyll renders every page and document of a build with one payload and never clears its
        # ``content`` and ``layout``: a body reading them sees what the previous render left, the
        # input of its last layout and its layouts' merged data (which win over this page's layout
        # data until the layouts render). What the last render left, and what it changed:
        self.leaked: tuple[Any, Any] = (None, None)
        self.leak_update: tuple[Any, Any] = (UNCHANGED, UNCHANGED)

    def render_liquid(self, source: str, payload: dict[str, Any], path: str, profile_name: str = "") -> str:
        if self.stats is None:
            return self.liquid.render(source, payload, path)
        return self.stats.measure(profile_name or path, lambda: self.liquid.render(source, payload, path))

    def payload(self, page: Any, paginator: Any = None, document: Any = None) -> dict[str, Any]:
        """The Liquid globals for one document: a fresh dict over the shared site drops."""
        return {
            "site": CurrentSiteDrop(self.site.site_drop, document),
            "jekyll": self.site.jekyll_drop,
            "page": page,
            "paginator": paginator,
            "layout": None,
            "content": None,
            "highlighter_prefix": None,
            "highlighter_suffix": None,
        }

    def liquid_path(self, item: Any) -> str:
        """The name Jekyll gives a file in Liquid messages: a page's path, a document's absolute
        path (``Document#path``; ``--profile`` names it by its relative path)."""
        from .documents import Page

        if isinstance(item, Page):
            return item.page_path
        return os.path.abspath(item.path)

    def render(self, item: Renderable) -> str:
        """The full output of a page or document (Jekyll's ``Renderer#run``)."""
        from .documents import Page

        logger.debug("Rendering:", item.relative_path)
        if isinstance(item, Page):
            drop: Any = item.liquid_page()
            paginator = item.pager.drop if item.pager is not None else None
        else:
            drop = DocumentDrop(item)
            paginator = None
        payload = self.payload(drop, paginator, item)
        payload["content"], payload["layout"] = self.leaked
        self._assign_highlighter_options(payload, item.converter())
        layout = self.site.layouts.get(str(item.layout_name))
        if layout is not None:  # Jekyll's assign_layout_data!: the leaked data wins
            payload["layout"] = deep_merge(layout.data, payload["layout"] or {})
        self.site.site_plugins.hooks.trigger_item(item, "pre_render", payload)
        output = item.content
        if item.render_with_liquid:
            logger.debug("Rendering Liquid:", item.relative_path)
            output = self.render_liquid(output, payload, self.liquid_path(item), item.relative_path)
        item.content = self.convert(item, output)
        self.site.site_plugins.hooks.trigger_item(item, "post_convert")
        output = item.content
        content_before = payload["content"]
        if item.place_in_layout:
            output = self.place_in_layouts(item, output, payload)
        self.leak_update = (
            UNCHANGED if payload["content"] is content_before else payload["content"],
            payload["layout"] if item.place_in_layout or layout is not None else UNCHANGED,
        )
        self.apply_leak(self.leak_update)
        return output

    def apply_leak(self, update: tuple[Any, Any]) -> None:
        """Take what a render changed in the shared payload (a worker's, in the parent)."""
        content, layout = update
        self.leaked = (self.leaked[0] if content is UNCHANGED else content,
                       self.leaked[1] if layout is UNCHANGED else layout)

    @staticmethod
    def _assign_highlighter_options(payload: dict[str, Any], converter: Any) -> None:
        """Jekyll's ``assign_highlighter_options!``: the converter's text around ``{% highlight %}``
        (none for a plugin's converter that does not say)."""
        payload["highlighter_prefix"] = getattr(converter, "highlighter_prefix", None)
        payload["highlighter_suffix"] = getattr(converter, "highlighter_suffix", None)

    def convert(self, item: Any, content: str) -> str:
        converter = item.converter()
        try:
            return converter.convert(content, item.relative_path)
        except ConversionError:
            raise
        except Exception as err:  # a converter bug must still name the file
            logger.error(
                "Conversion error:",
                f"{type(converter).__name__} encountered an error while converting '{item.relative_path}':",
            )
            logger.error("", str(err))
            raise ConversionError(f"{item.relative_path}: {err}", item.relative_path) from err

    def place_in_layouts(self, item: Renderable, content: str, payload: dict[str, Any]) -> str:
        from .documents import Excerpt

        name = item.layout_name
        layout = self.site.layouts.get(str(name)) if name is not None else None
        if name is not None and layout is None and not isinstance(item, Excerpt):
            logger.warn("Build Warning:", f"Layout '{name}' requested in {item.relative_path} does not exist.")
        used: list["Layout"] = []
        payload["layout"] = None
        output = content
        while layout is not None:
            payload["content"] = output
            payload["layout"] = deep_merge(layout.data, payload["layout"] or {})
            dependencies.note(layout.path)
            # Jekyll names layouts by absolute path in Liquid errors, by relative path in --profile.
            output = self.render_liquid(layout.content, payload, layout.path, layout.relative_path)
            used.append(layout)
            parent = layout.data.get("layout")
            layout = self.site.layouts.get(str(parent)) if parent is not None else None
            if layout is None or layout in used:
                break
        return output

    def render_excerpt(self, excerpt: "Excerpt") -> str:
        """An excerpt: Liquid and conversion with the document's converter, no layout."""
        doc = excerpt.doc
        payload = self.payload(ExcerptDrop(excerpt))
        self._assign_highlighter_options(payload, doc.converter())
        output = excerpt.content
        if doc.data.get("render_with_liquid") is not False and ("{%" in output or "{{" in output):
            # Jekyll names an excerpt ``Excerpt#path``: its document's absolute path and "/#excerpt".
            path = os.path.join(self.liquid_path(doc), "#excerpt")
            output = self.render_liquid(output, payload, path, excerpt.relative_path)
        return self.convert(doc, output)
