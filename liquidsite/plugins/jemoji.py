"""jemoji 0.13 (gemoji 4.1): ``:smile:`` in rendered HTML becomes GitHub's emoji image.

jemoji is a ``post_render`` hook on pages and documents. When an HTML output
names an emoji anywhere, the text of its ``<body>`` (or the whole output if
it has no ``<body``) is rewritten outside ``pre``, ``code`` and ``tt``
elements. jemoji does this through html-pipeline and Nokogiri, which parse
that markup and write it back with libxml2's HTML serializer; we do the same
for well-formed markup: text re-escaped (entities decoded), void elements
without ``/``, boolean attributes minimised, URI attributes percent-encoded,
attribute quotes chosen as libxml2 does, and the line breaks libxml2's
``FORMAT`` option adds around block elements.

The alias table (``emoji.tsv``) is data generated from gemoji's
``db/emoji.json``: alias, then the image file's codepoints.
"""

from __future__ import annotations

import functools
import os
import re
from html import escape
from html.parser import HTMLParser
from urllib.parse import quote
from typing import TYPE_CHECKING, Any, Optional
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from ..hooks import Hooks

DEFAULT_ASSET_ROOT = "https://github.githubassets.com/images/icons/"
_OPENING_BODY = re.compile(r"<body(.*?)>\s*", re.S)
_IGNORED_ANCESTORS = frozenset(("pre", "code", "tt"))
_RAW_TEXT = frozenset(("script", "style"))
# libxml2's HTML 4 element table (htmlTagLookup), which decides how Nokogiri writes markup back.
_LIBXML_EMPTY = frozenset((
    "area", "base", "basefont", "br", "col", "frame", "hr", "img", "input", "isindex", "link", "meta", "param",
))
_LIBXML_SAVE_END_TAG = _LIBXML_EMPTY | {"li"}
_LIBXML_INLINE = frozenset((
    "a", "abbr", "acronym", "applet", "b", "basefont", "bdo", "big", "br", "button", "cite", "code", "del",
    "dfn", "em", "embed", "font", "i", "iframe", "img", "input", "ins", "kbd", "label", "map", "object", "q",
    "s", "samp", "script", "select", "small", "span", "strike", "strong", "sub", "sup", "textarea", "tt", "u",
    "var",
))
_LIBXML_KNOWN = _LIBXML_INLINE | _LIBXML_EMPTY | frozenset((
    "address", "blockquote", "body", "caption", "center", "colgroup", "dd", "dir", "div", "dl", "dt",
    "fieldset", "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "html", "legend", "li",
    "menu", "noframes", "noscript", "ol", "optgroup", "option", "p", "pre", "style", "table", "tbody", "td",
    "tfoot", "th", "thead", "title", "tr", "ul",
))
_LIBXML_BOOLEAN = frozenset((
    "checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "nohref", "noresize",
    "noshade", "nowrap", "readonly", "selected",
))
# xmlURIEscapeStr keeps unreserved characters, "@" and this list in URI attributes
_URI_KEEP = "-_.!~*'()@/:=?;#%&,+"


@functools.lru_cache(maxsize=1)
def emoji_files() -> dict[str, str]:
    """Alias -> image file below the asset root, e.g. ``smile`` -> ``emoji/unicode/1f604.png``."""
    table: dict[str, str] = {}
    with open(os.path.join(os.path.dirname(__file__), "emoji.tsv"), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or "\t" not in line:
                continue
            name, codepoints = line.rstrip("\n").split("\t")
            table[name] = f"emoji/unicode/{codepoints}.png"
    return table


def asset_root(config: dict[str, Any]) -> str:
    """``emoji.src`` from the config, else ``$ASSET_HOST_URL/images/icons/``, else GitHub's."""
    emoji = config.get("emoji")
    if isinstance(emoji, dict) and "src" in emoji:
        return str(emoji["src"])
    host = os.environ.get("ASSET_HOST_URL", "")
    if host:
        return host.rstrip("/") + "/images/icons/"
    return DEFAULT_ASSET_ROOT


def image_tag(name: str, root: str) -> str:
    """html-pipeline's emoji ``<img>`` (jemoji drops its ``align`` attribute)."""
    src = root.rstrip("/") + "/" + emoji_files()[name]
    return f'<img class="emoji" title=":{name}:" alt=":{name}:" src="{src}" height="20" width="20">'


def _next_match(text: str, start: int) -> Optional[tuple[int, int, str]]:
    """The first ``:alias:`` at or after *start*: (begin, end, alias).

    Aliases hold no colon, so a match starting at a colon can only end at the
    next colon: scanning colon to colon finds what gemoji's big regex finds.
    """
    names = emoji_files()
    begin = text.find(":", start)
    while begin != -1:
        end = text.find(":", begin + 1)
        if end == -1:
            return None
        if text[begin + 1:end] in names:
            return begin, end + 1, text[begin + 1:end]
        begin = end
    return None


def has_emoji(text: str) -> bool:
    return _next_match(text, 0) is not None


def emojify_text(text: str, root: str, escaped: bool = True) -> str:
    """*text* with each ``:alias:`` replaced by its image, the rest HTML-escaped if *escaped*."""
    keep = (lambda part: escape(part, quote=False)) if escaped else (lambda part: part)
    out: list[str] = []
    position = 0
    while (found := _next_match(text, position)) is not None:
        begin, end, name = found
        out.append(keep(text[position:begin]))
        out.append(image_tag(name, root))
        position = end
    out.append(keep(text[position:]))
    return "".join(out)


class _Element:
    __slots__ = ("name", "attrs", "children")

    def __init__(self, name: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        self.name = name
        self.attrs = attrs
        self.children: list[Any] = []


class _Text(str):
    """Decoded text (emoji already turned into markup pieces by the serializer)."""


class _Markup(str):
    """Markup written as is: comments, declarations, script and style bodies."""


class _TreeBuilder(HTMLParser):
    """A forgiving DOM of an HTML fragment: enough structure for libxml2's serializer rules."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("", [])
        self.stack = [self.root]

    def _append(self, node: Any) -> None:
        children = self.stack[-1].children
        if isinstance(node, _Text) and children and type(children[-1]) is _Text:
            children[-1] = _Text(children[-1] + node)
        else:
            children.append(node)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        element = _Element(tag, attrs)
        self._append(element)
        if tag not in _LIBXML_EMPTY:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        self._append(_Element(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].name == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        raw = self.stack[-1].name in _RAW_TEXT
        self._append(_Markup(data) if raw else _Text(data))

    def handle_comment(self, data: str) -> None:
        self._append(_Markup(f"<!--{data}-->"))

    def handle_decl(self, decl: str) -> None:
        self._append(_Markup(f"<!{decl}>"))

    def handle_pi(self, data: str) -> None:
        self._append(_Markup(f"<?{data}>"))

    def unknown_decl(self, data: str) -> None:
        self._append(_Markup(f"<![{data}]>"))


def _quoted(value: str) -> str:
    """libxml2's xmlBufWriteQuotedString."""
    if '"' in value:
        if "'" in value:
            return '"' + value.replace('"', "&quot;") + '"'
        return f"'{value}'"
    return f'"{value}"'


def _attribute(element: _Element, name: str, value: Optional[str]) -> str:
    if value is None or name in _LIBXML_BOOLEAN:
        return f" {name}"
    value = escape(value, quote=False)
    if name in ("href", "action", "src") or (name == "name" and element.name == "a"):
        value = quote(value.lstrip(" \t\n\r"), safe=_URI_KEEP)
    return f" {name}={_quoted(value)}"


def _is_text(node: Any) -> bool:
    return isinstance(node, _Text) or (isinstance(node, _Markup) and not node.startswith("<"))


class _Serializer:
    """libxml2's HTML serializer with Nokogiri's FORMAT option, emoji replaced in text."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.out: list[str] = []

    def children(self, parent: _Element, ignored: bool) -> None:
        nodes = parent.children
        for index, node in enumerate(nodes):
            following = nodes[index + 1] if index + 1 < len(nodes) else None
            if isinstance(node, _Element):
                self.element(node, parent.name, following, ignored)
            elif isinstance(node, _Text):
                self.text(node, parent, ignored)
            else:
                self.out.append(node)

    def text(self, text: str, parent: _Element, ignored: bool) -> None:
        if ignored or not has_emoji(text):
            self.out.append(escape(text, quote=False))
        elif "<" not in text and "&" not in text:
            self.out.append(emojify_text(text, self.root))
        else:
            # html-pipeline swaps the text node for its emojified (decoded) text parsed as HTML
            builder = _TreeBuilder()
            builder.feed(emojify_text(text, self.root, escaped=False))
            builder.close()
            builder.root.name = parent.name
            self.children(builder.root, True)

    def element(self, element: _Element, parent_name: str, following: Any, ignored: bool) -> None:
        name = element.name
        known = name in _LIBXML_KNOWN
        block = known and name not in _LIBXML_INLINE
        out = self.out
        out.append("<" + name + "".join(_attribute(element, n, v) for n, v in element.attrs))
        kids = element.children
        if name in _LIBXML_EMPTY:
            out.append(">")
        elif not kids:
            out.append(">" if name in _LIBXML_SAVE_END_TAG else f"></{name}>")
        else:
            out.append(">")
            spaced = block and len(kids) > 1 and not name.startswith("p")
            if spaced and not _is_text(kids[0]):
                out.append("\n")
            self.children(element, ignored or name in _IGNORED_ANCESTORS)
            if spaced and not _is_text(kids[-1]):
                out.append("\n")
            out.append(f"</{name}>")
        if block and following is not None and not _is_text(following) and parent_name and not parent_name.startswith("p"):
            out.append("\n")


def emojify_fragment(html: str, root: str) -> str:
    """What html-pipeline's EmojiFilter and Nokogiri's ``to_html`` make of an HTML fragment."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    serializer = _Serializer(root)
    serializer.children(builder.root, False)
    return "".join(serializer.out)


def emojify(output: str, config: dict[str, Any]) -> str:
    """jemoji's ``Emoji.emojify`` on one rendered output."""
    if not has_emoji(output):
        return output
    root = asset_root(config)
    if "<body" not in output:
        return emojify_fragment(output, root)
    match = _OPENING_BODY.search(output)
    if match is None:
        return output
    head, opener, tail = output[:match.start()], match.group(0), output[match.end():]
    body, closer, rest = tail.partition("</body>")
    return head + opener + emojify_fragment(body, root) + closer + rest


def emojiable(item: Any) -> bool:
    """jemoji's ``emojiable?``: written HTML pages and documents, or permalinks ending in ``/``."""
    from ..documents import Page

    permalink = item.permalink
    written = isinstance(item, Page) or item.write
    return (written and item.output_ext == ".html") or (isinstance(permalink, str) and permalink.endswith("/"))


def _post_render(item: Any) -> None:
    if item.output and emojiable(item):
        item.output = emojify(item.output, item.site.config)


def register_hooks(hooks: "Hooks") -> None:
    hooks.register(["pages", "documents"], "post_render", _post_render)


# jemoji requires html-pipeline, which loads ActiveSupport (active_support/xml_mini/nokogiri)
PLUGIN = BuiltinPlugin("jemoji", register_hooks=register_hooks, loads_active_support=True)
