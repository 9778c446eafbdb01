"""HTML fragments parsed and written back as Nokogiri (libxml2's HTML4 parser) does.

Gems such as jekyll-toc parse a page's HTML with ``Nokogiri::HTML::DocumentFragment``,
change a few nodes and write the fragment back with ``inner_html``. libxml2 then
decodes character references, closes elements it finds open, writes void elements
without a slash and quotes every attribute with ``"``. This module keeps that
round trip for the HTML Jekyll's converters produce; it is not a general HTML5 parser.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Iterator, Optional, Union
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


class Text:
    """A text node: decoded characters."""

    __slots__ = ("text", "parent")

    def __init__(self, text: str) -> None:
        self.text = text
        self.parent: Optional[Element] = None


class Comment:
    __slots__ = ("text", "parent")

    def __init__(self, text: str) -> None:
        self.text = text
        self.parent: Optional[Element] = None


class Raw:
    """Markup kept as written (a doctype, a processing instruction, inserted HTML)."""

    __slots__ = ("text", "parent")

    def __init__(self, text: str) -> None:
        self.text = text
        self.parent: Optional[Element] = None


Node = Union["Element", Text, Comment, Raw]


class Element:
    __slots__ = ("name", "attrs", "children", "parent")

    def __init__(self, name: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        self.name = name
        self.attrs = attrs
        self.children: list[Node] = []
        self.parent: Optional[Element] = None

    def append(self, node: Node) -> None:
        node.parent = self
        self.children.append(node)

    def get(self, name: str) -> Optional[str]:
        for key, value in self.attrs:
            if key == name:
                return value if value is not None else ""
        return None

    @property
    def classes(self) -> list[str]:
        return (self.get("class") or "").split()

    def iter(self) -> Iterator["Element"]:
        """This element's descendants in document order (not itself)."""
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    @property
    def text(self) -> str:
        """Nokogiri's ``text``: every descendant text node, concatenated."""
        parts: list[str] = []
        for child in self.children:
            if isinstance(child, Text):
                parts.append(child.text)
            elif isinstance(child, Element):
                parts.append(child.text)
        return "".join(parts)

    def ancestors(self) -> Iterator["Element"]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def insert_before(self, reference: Node, node: Node) -> None:
        node.parent = self
        self.children.insert(self.children.index(reference), node)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#fragment", [])
        self.stack: list[Element] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        if tag in _CLOSES_P and any(e.name == "p" for e in self.stack[1:]):
            self._close("p")
        for family in _CLOSES_SIBLING.get(tag, ()):
            self._close(family, within_scope=True)
        element = Element(tag, attrs)
        self.stack[-1].append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].name == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        self._close(tag)

    def _close(self, tag: str, within_scope: bool = False) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].name == tag:
                del self.stack[depth:]
                return
            if within_scope and self.stack[depth].name in _SCOPES:
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].append(Text(data))

    def handle_comment(self, data: str) -> None:
        self.stack[-1].append(Comment(data))

    def handle_decl(self, decl: str) -> None:
        self.stack[-1].append(Raw(f"<!{decl}>"))

    def handle_pi(self, data: str) -> None:
        self.stack[-1].append(Raw(f"<?{data}>"))


def parse_fragment(html: str) -> Element:
    """The fragment's nodes under one root element named ``#fragment``."""
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
        return name
    if name in ("href", "src", "action") or (name == "name" and element.name == "a"):
        value = quote(value.lstrip(" \t\n\r"), safe=_URI_SAFE)
    return f"{name}={_quoted(_escape_attribute(value))}"


def _is_block(node: Node) -> bool:
    return isinstance(node, Element) and node.name in _BLOCKS


def serialize(node: Node, raw_text: bool = False) -> str:
    """One node as Nokogiri's ``to_html`` writes it (libxml2's formatted HTML output)."""
    if isinstance(node, Text):
        return node.text if raw_text else _escape_text(node.text)
    if isinstance(node, Comment):
        return f"<!--{node.text}-->"
    if isinstance(node, Raw):
        return node.text
    attrs = "".join(" " + _attribute(node, name, value) for name, value in node.attrs)
    if node.name in VOID:
        return f"<{node.name}{attrs}>"
    children = node.children
    out = [f"<{node.name}{attrs}>"]
    spaced = _is_block(node) and len(children) > 1 and not node.name.startswith("p")
    if spaced and not isinstance(children[0], Text):
        out.append("\n")
    raw = node.name in RAW_TEXT
    for index, child in enumerate(children):
        out.append(serialize(child, raw))
        following = children[index + 1] if index + 1 < len(children) else None
        if _is_block(child) and following is not None and not isinstance(following, Text) \
                and not node.name.startswith("p"):
            out.append("\n")
    if spaced and not isinstance(children[-1], Text):
        out.append("\n")
    out.append(f"</{node.name}>")
    return "".join(out)


def inner_html(element: Element) -> str:
    """``DocumentFragment#inner_html``: each top-level node written on its own, joined."""
    raw = element.name in RAW_TEXT
    return "".join(serialize(child, raw) for child in element.children)
