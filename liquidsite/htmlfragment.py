"""HTML fragments parsed and written back as Nokogiri (libxml2's HTML4 parser) does.

Gems such as jekyll-toc parse a page's HTML with ``Nokogiri::HTML::DocumentFragment``,
change a few nodes and write the fragment back with ``inner_html``. libxml2 then
decodes character references, closes elements it finds open, writes void elements
without a slash, minimises boolean attributes, percent-encodes URI attributes and
adds line breaks around block elements. This module keeps that round trip for the
HTML Jekyll's converters produce.

Its interface is the one of ``plugins/libxml_html.py`` on main (``Element``,
``Text``, ``Markup``, ``parse_fragment``, ``Serializer``): when both meet, this
module can go and its users import that one instead.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any, Optional
from urllib.parse import quote

#: elements libxml2's HTML4 table declares empty: written without an end tag
VOID = frozenset("area base basefont br col embed frame hr img input isindex link meta param".split())
#: elements whose text libxml2 writes raw
RAW_TEXT = frozenset({"script", "style"})
#: attributes written as their name alone (``htmlIsBooleanAttr``)
BOOLEAN_ATTRIBUTES = frozenset(
    "checked compact declare defer disabled ismap multiple nohref noresize noshade nowrap readonly selected".split()
)
#: characters ``xmlURIEscapeStr`` keeps in ``href``, ``src``, ``action`` and ``<a name>``
_URI_SAFE = "-_.!~*'()#$%&+,/:;<=>?@[\\]^`{|}"
#: HTML4 elements libxml2 formats as blocks (known and not inline): newlines go around their children
_BLOCKS = frozenset(
    "address area base blockquote body caption center col colgroup dd dir div dl dt fieldset form frame frameset "
    "h1 h2 h3 h4 h5 h6 head hr html isindex legend li link menu meta noframes noscript ol optgroup option p param "
    "pre style table tbody td tfoot th thead title tr ul".split()
)
#: an open <p> is closed by these start tags (libxml2's htmlAutoClose table, block elements)
_CLOSES_P = frozenset(
    "address article aside blockquote center dd details dialog dir div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hgroup hr li listing main menu nav ol p pre section table ul".split()
)
#: a start tag closes an open element of the same family (``li`` closes ``li``...)
_CLOSES_SIBLING = {"li": ("li",), "dt": ("dt", "dd"), "dd": ("dt", "dd"), "tr": ("tr",), "td": ("td", "th"),
                   "th": ("td", "th"), "option": ("option",)}
_SCOPES = frozenset({"ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "select"})


class Text(str):
    """Decoded text."""


class Markup(str):
    """Markup written as is: comments, declarations, script and style bodies, inserted HTML."""


class Element:
    """An element: lower-cased ``name``, ``attrs`` as written, ``children`` (elements, Text, Markup)."""

    __slots__ = ("name", "attrs", "children")

    def __init__(self, name: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        self.name = name
        self.attrs = attrs
        self.children: list[Any] = []

    def get(self, name: str) -> Optional[str]:
        for key, value in self.attrs:
            if key == name:
                return value
        return None


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("", [])
        self.stack: list[Element] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        if tag in _CLOSES_P and any(e.name == "p" for e in self.stack[1:]):
            self._close("p")
        for family in _CLOSES_SIBLING.get(tag, ()):
            self._close(family, within_scope=True)
        element = Element(tag, attrs)
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].name == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID:
            self._close(tag)

    def _close(self, tag: str, within_scope: bool = False) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].name == tag:
                del self.stack[depth:]
                return
            if within_scope and self.stack[depth].name in _SCOPES:
                return

    def handle_data(self, data: str) -> None:
        raw = self.stack[-1].name in RAW_TEXT
        self.stack[-1].children.append(Markup(data) if raw else Text(data))

    def handle_comment(self, data: str) -> None:
        self.stack[-1].children.append(Markup(f"<!--{data}-->"))

    def handle_decl(self, decl: str) -> None:
        self.stack[-1].children.append(Markup(f"<!{decl}>"))

    def handle_pi(self, data: str) -> None:
        self.stack[-1].children.append(Markup(f"<?{data}>"))


def parse_fragment(html: str) -> Element:
    """The fragment's nodes as the children of one nameless root element."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(value: str) -> str:
    """libxml2's attribute escaping: ``& < >``, except server-side includes (``<!--...-->``)
    and HTML 4 script macros (``&{...}``), which stay as written."""
    out: list[str] = []
    index = 0
    while index < len(value):
        ch = value[index]
        if ch == "<" and value.startswith("<!--", index) and value.find("-->", index) >= 0:
            end = value.find("-->", index) + 3
            out.append(value[index:end])
            index = end
            continue
        if ch == "&" and value.startswith("&{", index) and "}" in value[index:]:
            out.append(ch)
        else:
            out.append({"&": "&amp;", "<": "&lt;", ">": "&gt;"}.get(ch, ch))
        index += 1
    return "".join(out)


def _quoted(value: str) -> str:
    """``xmlBufWriteQuotedString``: double quotes, single ones around a value holding only ``"``."""
    if '"' in value:
        if "'" in value:
            return '"' + value.replace('"', "&quot;") + '"'
        return "'" + value + "'"
    return '"' + value + '"'


def _attribute(element: Element, name: str, value: Optional[str]) -> str:
    if value is None or name in BOOLEAN_ATTRIBUTES:
        return " " + name
    if name in ("href", "src", "action") or (name == "name" and element.name == "a"):
        value = quote(value.lstrip(" \t\n\r"), safe=_URI_SAFE)
    return f" {name}={_quoted(_escape_attribute(value))}"


def _is_text(node: Any) -> bool:
    return isinstance(node, Text) or (isinstance(node, Markup) and not node.startswith("<"))


class Serializer:
    """libxml2's HTML serializer with Nokogiri's FORMAT option, collecting into ``out``
    (*ignored* is the interface's hook for subclasses; nothing here uses it)."""

    def __init__(self) -> None:
        self.out: list[str] = []

    def children(self, parent: Element, ignored: bool) -> None:
        """*parent*'s children; under the nameless root, as ``inner_html`` writes a fragment."""
        nodes = parent.children
        for index, node in enumerate(nodes):
            following = nodes[index + 1] if index + 1 < len(nodes) else None
            if isinstance(node, Element):
                self.element(node, parent.name, following, ignored)
            elif isinstance(node, Text):
                self.out.append(_escape_text(node))
            else:
                self.out.append(node)

    def element(self, element: Element, parent_name: str, following: Any, ignored: bool) -> None:
        name = element.name
        block = name in _BLOCKS
        out = self.out
        out.append("<" + name + "".join(_attribute(element, n, v) for n, v in element.attrs) + ">")
        if name not in VOID:
            kids = element.children
            spaced = block and len(kids) > 1 and not name.startswith("p")
            if spaced and not _is_text(kids[0]):
                out.append("\n")
            self.children(element, ignored)
            if spaced and not _is_text(kids[-1]):
                out.append("\n")
            out.append(f"</{name}>")
        if block and following is not None and not _is_text(following) and parent_name \
                and not parent_name.startswith("p"):
            out.append("\n")


