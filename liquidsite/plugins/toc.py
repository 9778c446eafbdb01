"""jekyll-toc 0.19: a table of contents from a page's headings.

``{% toc %}`` writes the list for ``page.content`` when ``page.toc`` is truthy;
the filters ``toc_only`` (the list), ``inject_anchors`` (the content with an
anchor link in each heading) and ``toc`` (both) act only when ``page.toc`` is
exactly ``true``. ``toc:`` in the configuration sets ``min_level``,
``max_level``, ``ordered_list``, ``no_toc_section_class``, ``list_id``,
``list_class``, ``sublist_class``, ``item_class`` and ``item_prefix``; headings
with class ``no_toc``, or inside an element of ``no_toc_section_class``, are
left out. The gem parses HTML with Nokogiri; :mod:`liquidsite.plugins.libxml_html`
reproduces its parse and serialization.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator, TextIO
from urllib.parse import quote_plus

from liquid.ast import Node
from liquid.filter import with_context
from liquid.tag import Tag

from .libxml_html import Element, Markup, Serializer, Text, parse_fragment
from ..markdown.gfm import _is_gfm_id_char
from ..site_plugins import tag_markup
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from liquid.context import RenderContext
    from liquid.stream import TokenStream

    from ..liquid.environment import JekyllEnvironment

DEFAULTS: dict[str, Any] = {
    "min_level": 1,
    "max_level": 6,
    "ordered_list": False,
    "no_toc_section_class": "no_toc_section",
    "list_id": "toc",
    "list_class": "section-nav",
    "sublist_class": "",
    "item_class": "toc-entry",
    "item_prefix": "toc-",
}
ANCHOR = '<a class="anchor" href="#{id}" aria-hidden="true"><span class="octicon octicon-link"></span></a>'


@dataclass
class Entry:
    id: str
    text: str
    node: Element
    level: int


def text_of(element: Element) -> str:
    """Nokogiri's ``text``: every descendant text node, concatenated."""
    return "".join(
        text_of(child) if isinstance(child, Element) else str(child) if isinstance(child, Text) else ""
        for child in element.children
    )


def _classes(element: Element) -> list[str]:
    return (element.get("class") or "").split()


def _walk(element: Element, sections: list[str], inside: bool = False) -> Iterator[tuple[Element, bool]]:
    """Every descendant element in document order, with whether an ancestor has a class in *sections*."""
    for child in element.children:
        if isinstance(child, Element):
            yield child, inside
            yield from _walk(child, sections, inside or any(c in sections for c in _classes(child)))


def inner_html(root: Element) -> str:
    """``DocumentFragment#inner_html``."""
    serializer = Serializer()
    serializer.children(root, False)
    return "".join(serializer.out)


def generate_id(text: str) -> str:
    """The gem's ``generate_toc_id``: lower case, punctuation dropped, spaces to dashes, CGI-escaped."""
    kept = "".join(ch for ch in text.lower() if ch == " " or (ch != "\t" and _is_gfm_id_char(ch)))
    return quote_plus(kept.replace(" ", "-"), safe="*-._~")


def _ruby_str(value: Any) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    return "" if value is None else str(value)


class Parser:
    """``Jekyll::TableOfContents::Parser`` for one HTML fragment."""

    def __init__(self, source: str, options: Any) -> None:
        self.config = {**DEFAULTS, **options} if isinstance(options, dict) else dict(DEFAULTS)
        self.root = parse_fragment(source)
        self.levels = range(int(self.config["min_level"]), int(self.config["max_level"]) + 1)
        self.entries = self._entries()

    @property
    def list_tag(self) -> str:
        return "ol" if self.config["ordered_list"] not in (None, False) else "ul"

    def _excluded_sections(self) -> list[str]:
        value = self.config["no_toc_section_class"]
        return [_ruby_str(v) for v in value] if isinstance(value, list) else [_ruby_str(value)]

    def _entries(self) -> list[Entry]:
        names = {f"h{level}" for level in self.levels}
        sections = self._excluded_sections()
        counts: dict[str, int] = {}
        entries: list[Entry] = []
        for node, in_excluded_section in _walk(self.root, sections):
            if node.name not in names or "no_toc" in _classes(node) or in_excluded_section:
                continue
            text = text_of(node)
            given = node.get("id")
            if given is not None:
                node_id = given  # an attribute object: a fresh hash key, never suffixed
            else:
                node_id = generate_id(text)
                suffix = counts.get(node_id, 0)
                counts[node_id] = suffix + 1
                node_id = node_id if suffix == 0 else f"{node_id}-{suffix}"
            entries.append(Entry(node_id, html.escape(text, quote=True).replace("&#x27;", "&#39;"), node,
                                 int(node.name[1])))
        return entries

    def build_toc(self) -> str:
        tag = self.list_tag
        return f'<{tag} id="{_ruby_str(self.config["list_id"])}" class="{_ruby_str(self.config["list_class"])}">\n' \
               f"{self._list(self.entries)}</{tag}>"

    def _list(self, entries: list[Entry]) -> str:
        out: list[str] = []
        top = min((e.level for e in entries), default=0)
        sublist = _ruby_str(self.config["sublist_class"])
        ul_attributes = f' class="{sublist}"' if sublist else ""
        item_class = _ruby_str(self.config["item_class"])
        prefix = _ruby_str(self.config["item_prefix"])
        i = 0
        while i < len(entries):
            entry = entries[i]
            if entry.level == top:
                out.append(f'<li class="{item_class} {prefix}{entry.node.name}"><a href="#{entry.id}">{entry.text}</a>')
                if i + 1 < len(entries) and entries[i + 1].level > top:
                    nested = _nested(entries[i + 1:], top)
                    out.append(f"\n<{self.list_tag}{ul_attributes}>\n{self._list(nested)}</{self.list_tag}>\n")
                    i += len(nested)
                out.append("</li>\n")
            elif entry.level > top:
                nested = _nested(entries[i:], top)
                out.append(self._list(nested))
                i += len(nested) - 1
            i += 1
        return "".join(out)

    def inject_anchors(self) -> str:
        for entry in self.entries:
            if entry.node.children:
                entry.node.children.insert(0, Markup(ANCHOR.format(id=entry.id)))
        return inner_html(self.root)

    def toc(self) -> str:
        return self.build_toc() + self.inject_anchors()


def _nested(entries: list[Entry], top: int) -> list[Entry]:
    out: list[Entry] = []
    for entry in entries:
        if entry.level == top:
            break
        out.append(entry)
    return out


def _page_value(context: "RenderContext", key: str) -> Any:
    page = context.resolve("page", default=None)
    try:
        return page[key] if page is not None else None
    except (KeyError, TypeError, IndexError):
        return None


def _config(context: "RenderContext") -> Any:
    env = context.env
    site = getattr(env, "site", None)
    return (site.config.get("toc") if site is not None else None) or {}


class TocNode(Node):
    __slots__ = ()

    def __init__(self, token: Any, markup: str) -> None:
        super().__init__(token)
        self.blank = False

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        if _page_value(context, "toc") in (None, False):
            return 0
        content = _page_value(context, "content")
        text = Parser(_ruby_str(content), _config(context)).build_toc()
        buffer.write(text)
        return len(text)


class TocTag(Tag):
    name = "toc"
    block = False

    def parse(self, stream: "TokenStream") -> Node:
        return TocNode(*tag_markup(stream))


def _enabled(context: "RenderContext") -> bool:
    return _page_value(context, "toc") is True


@with_context
def toc_only(value: Any, *, context: "RenderContext") -> str:
    return Parser(_ruby_str(value), _config(context)).build_toc() if _enabled(context) else ""


@with_context
def inject_anchors(value: Any, *, context: "RenderContext") -> Any:
    return Parser(_ruby_str(value), _config(context)).inject_anchors() if _enabled(context) else value


@with_context
def toc(value: Any, *, context: "RenderContext") -> Any:
    return Parser(_ruby_str(value), _config(context)).toc() if _enabled(context) else value


def register_liquid(env: "JekyllEnvironment") -> None:
    env.add_tag(TocTag)
    env.filters["toc_only"] = toc_only
    env.filters["inject_anchors"] = inject_anchors
    env.filters["toc"] = toc


PLUGIN = BuiltinPlugin("jekyll-toc", register_liquid=register_liquid)

