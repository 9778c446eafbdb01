"""HTML as Nokogiri reads and writes it back: libxml2 2.9.14's HTML parser and serializer.

Gems that rewrite rendered pages through Nokogiri (jemoji and jekyll-toc on
fragments, jekyll-link-attributes on whole documents) change more than what
they mean to: libxml2 parses the markup with HTML 4 rules and writes it back
with its own. This module reproduces both for what sites hold:

- parsing (:func:`parse_document`; :func:`parse_fragment` parses a document
  ``<html><body>`` + fragment, as Nokogiri's ``DocumentFragment`` does): tags
  as ``htmlParseStartTag`` reads them (names of letters, digits and ``:-_.``,
  lower-cased; an attribute not starting with a name skipped to the next
  blank; unquoted values ending at a blank or ``>``; a repeated attribute
  dropped), entities decoded (only HTML 4's, only with their semicolon; a
  character reference to a character XML does not allow dropped);
  ``<html>``/``<head>``/``<body>`` implied where missing, an open
  element closed by a start tag that may not nest in it (``<p>`` by ``<div>``,
  ``<li>`` by ``<li>``, ``<head>`` by body content, the ``htmlStartClose``
  table), an end tag closing what is open inside it unless a stronger element
  is in between (``htmlEndPriority``), stray end tags dropped, text directly
  in ``<html>``/``<head>`` put in an implied ``<p>``, ``<x/>`` closed at once;
  HTML 5 elements (``section``, ``picture``, ``source``...) are unknown to
  libxml2 2.9, so ``<source>`` is no void element there and closes no ``<p>``;
  ``<`` that starts no markup is text, ``</`` or ``<?`` without a name is
  dropped, and markup the input ends in (a tag, a quoted value, raw text) runs
  to its end;
- writing (:class:`Serializer`): text re-escaped (``& < >``), attribute values
  too except server-side includes (``<!--...-->``) and ``&{...}``, void elements
  without ``/``, boolean attributes minimised, URI attributes percent-encoded,
  attribute quotes chosen as libxml2 does, the line breaks libxml2's
  ``FORMAT`` option adds around block elements; for a document the DOCTYPE
  (HTML 4.0 Transitional when there is none) and the
  ``<meta http-equiv="Content-Type">`` libxml2 inserts first in ``<head>``.

Markup is read by a small tokenizer of its own (:func:`_tokenize`, no
``html.parser``), checked against Nokogiri on al-folio's pages and on random
markup (``tests/test_libxml_html.py``). Known differences from libxml2, on
broken markup only: a reference to a character XML does not allow (``&#0;``,
``&#12;``) ends an attribute value in libxml2, while here only the reference
is dropped; and a ``<script>`` whose start tag holds junk (``<script=x>``) ends
its raw text at the first ``</`` in libxml2.
"""

from __future__ import annotations

import re
from html import escape, unescape
from html.entities import name2codepoint
from typing import Any, Callable, Optional
from urllib.parse import quote

_RAW_TEXT = frozenset(("script", "style"))
# libxml2's HTML 4 element table (htmlTagLookup), which decides how Nokogiri writes markup back.
LIBXML_EMPTY = frozenset((
    "area", "base", "basefont", "br", "col", "frame", "hr", "img", "input", "isindex", "link", "meta", "param",
))
_LIBXML_SAVE_END_TAG = LIBXML_EMPTY | {"li"}
_LIBXML_INLINE = frozenset((
    "a", "abbr", "acronym", "applet", "b", "basefont", "bdo", "big", "br", "button", "cite", "code", "del",
    "dfn", "em", "embed", "font", "i", "iframe", "img", "input", "ins", "kbd", "label", "map", "object", "q",
    "s", "samp", "script", "select", "small", "span", "strike", "strong", "sub", "sup", "textarea", "tt", "u",
    "var",
))
_LIBXML_KNOWN = _LIBXML_INLINE | LIBXML_EMPTY | frozenset((
    "address", "blockquote", "body", "caption", "center", "colgroup", "dd", "dir", "div", "dl", "dt",
    "fieldset", "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "html", "legend", "li",
    "menu", "noframes", "noscript", "ol", "optgroup", "option", "p", "pre", "style", "table", "tbody", "td",
    "tfoot", "th", "thead", "title", "tr", "ul",
))
_LIBXML_BOOLEAN = frozenset((
    "checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "nohref", "noresize",
    "noshade", "nowrap", "readonly", "selected",
))
# xmlURIEscapeStr keeps unreserved characters and this list in URI attributes (``<>`` for server-side includes)
_URI_KEEP = "-_.!~*'()@/:=?;#%&,+<>"

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_FONT_STYLE = ("tt", "i", "b", "u", "s", "strike", "big", "small")
_LISTING = ("pre", "listing", "xmp")


def _closes(*pairs: tuple[str, tuple[str, ...]]) -> dict[str, frozenset[str]]:
    return {new: frozenset(old) for new, old in pairs}


#: libxml2's htmlStartClose: a start tag (key) closes the current element when it is one of these
_START_CLOSE = _closes(
    ("form", ("form", "p", "hr", *_HEADINGS, "dl", "ul", "ol", "menu", "dir", "address", *_LISTING, "head")),
    ("head", ("p",)),
    ("title", ("p",)),
    ("body", ("head", "style", "script", "title", "p")),
    ("frameset", ("head", "style", "script", "title", "p")),
    ("li", ("p", *_HEADINGS, "dl", "address", *_LISTING, "head", "li")),
    ("hr", ("p", "head")),
    *((h, ("p", "head")) for h in _HEADINGS),
    ("dir", ("p", "head")),
    ("address", ("p", "head", "ul")),
    ("pre", ("p", "head", "ul")),
    ("listing", ("p", "head")),
    ("xmp", ("p",)),
    ("blockquote", ("p", "head")),
    ("dl", ("p", "dt", "menu", "dir", "address", *_LISTING, "head")),
    ("dt", ("p", "menu", "dir", "address", *_LISTING, "head", "dd")),
    ("dd", ("p", "menu", "dir", "address", *_LISTING, "head", "dt")),
    ("ul", ("p", "head", "ol", "menu", "dir", "address", *_LISTING)),
    ("ol", ("p", "head", "ul")),
    ("menu", ("p", "head", "ul")),
    ("p", ("p", "head", *_HEADINGS, *_FONT_STYLE)),
    ("div", ("p", "head")),
    ("noscript", ("script",)),
    ("center", ("font", "b", "i", "p", "head")),
    ("a", ("a", "head")),
    ("caption", ("p",)),
    ("colgroup", ("caption", "colgroup", "col", "p")),
    ("col", ("caption", "col", "p")),
    ("table", ("p", "head", *_HEADINGS, *_LISTING, "a")),
    ("th", ("th", "td", "p", "span", "font", "a", "b", "i", "u")),
    ("td", ("th", "td", "p", "span", "font", "a", "b", "i", "u")),
    ("tr", ("th", "td", "tr", "caption", "col", "colgroup", "p")),
    ("thead", ("caption", "col", "colgroup")),
    ("tfoot", ("th", "td", "tr", "caption", "col", "colgroup", "thead", "tbody", "p")),
    ("tbody", ("th", "td", "tr", "caption", "col", "colgroup", "thead", "tfoot", "tbody", "p")),
    ("optgroup", ("option",)),
    ("option", ("option",)),
    ("fieldset", ("legend", "p", "head", *_HEADINGS, *_LISTING, "a")),
    *((tag, ("head",)) for tag in (
        *_FONT_STYLE, "em", "strong", "dfn", "code", "samp", "kbd", "var", "cite", "abbr", "acronym", "img",
        "font", "br", "map", "q", "sub", "sup", "span", "bdo", "iframe",
    )),
)
#: libxml2's htmlEndPriority: an end tag only closes open elements of lower or equal priority
_END_PRIORITY = {
    "div": 150, "td": 160, "th": 160, "tr": 170, "thead": 180, "tbody": 180, "tfoot": 180, "table": 190,
    "head": 200, "body": 200, "html": 220,
}
_HTML4_ENTITIES = frozenset(name2codepoint) | {"apos"}
_ENTITY = re.compile(r"&(?:#(?:[xX]([0-9a-fA-F]*)|([0-9]*));?|([A-Za-z_:][A-Za-z0-9_:.-]*)(;?))")
_RAW_SPANS = re.compile(r"<!--.*?--!?>|<\?[^>]*>|<(script|style)\b.*?(?:</\1|\Z)", re.I | re.S)
_HEAD_CONTENT = frozenset(("script", "style", "meta", "link", "title", "base"))
_BLANK = " \t\n\r"
_DOCTYPE = re.compile(
    r"""\s*doctype\s+(?P<name>\S+)(?:\s+public\s+(?P<q1>["'])(?P<public>.*?)(?P=q1)"""
    r"""(?:\s+(?P<q2>["'])(?P<system>.*?)(?P=q2))?|\s+system\s+(?P<q3>["'])(?P<system2>.*?)(?P=q3))?""",
    re.I | re.S,
)
DEFAULT_DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN" "http://www.w3.org/TR/REC-html40/loose.dtd">'


class Element:
    """An element: ``name`` as written back, ``tag`` as the parser matches end tags against it.

    They differ for a prefixed name (``<some:url>``): libxml2 keeps the whole name on its
    stack of open elements but the node gets the local name (the prefix names no namespace).
    """

    __slots__ = ("name", "tag", "attrs", "children")

    def __init__(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        self.tag = tag
        prefix, colon, local = tag.partition(":")
        self.name = local if colon and prefix and local else tag
        self.attrs = attrs
        self.children: list[Any] = []

    def get(self, name: str) -> Optional[str]:
        for key, value in self.attrs:
            if key == name:
                return value
        return None

    def has(self, name: str) -> bool:
        return any(key == name for key, _ in self.attrs)

    def set(self, name: str, value: str) -> None:
        """Nokogiri's ``node[name] = value``: replace in place, or append."""
        for index, (key, _) in enumerate(self.attrs):
            if key == name:
                self.attrs[index] = (name, value)
                return
        self.attrs.append((name, value))

    def iter(self, name: str) -> Any:
        """Every descendant element called *name*, in document order."""
        for child in self.children:
            if isinstance(child, Element):
                if child.name == name:
                    yield child
                yield from child.iter(name)


class Text(str):
    """Decoded text."""


class Markup(str):
    """Markup written as is: comments, declarations, script and style bodies."""


class Document:
    """A parsed HTML document: its DOCTYPE line and its top-level nodes (the ``<html>`` element among them)."""

    def __init__(self, doctype: str, root: Element) -> None:
        self.doctype = doctype
        self.root = root

    def html(self) -> Optional[Element]:
        return next((node for node in self.root.children if isinstance(node, Element) and node.name == "html"), None)


class DocumentBuilder:
    """libxml2's ``htmlParseDocument`` rules (see the module docstring), as a tree under a nameless root:
    :func:`_tokenize` calls the ``handle_*`` methods."""

    def __init__(self) -> None:
        self.root = Element("", [])
        self.stack = [self.root]
        self.doctype = ""
        self.seen_head = False
        self.seen_body = False
        self.discarded = 0  # misplaced <html>/<head>/<body> start tags whose end tags are ignored
        self.prolog = True  # only a DOCTYPE, comments and processing instructions read so far

    @property
    def current(self) -> str:
        return self.stack[-1].tag

    def _append(self, node: Any) -> None:
        children = self.stack[-1].children
        if isinstance(node, Text) and children and type(children[-1]) is Text:
            children[-1] = Text(children[-1] + node)
        else:
            children.append(node)

    def _push(self, name: str, attrs: list[tuple[str, Optional[str]]]) -> Element:
        if name == "head":
            self.seen_head = True
        elif name == "body":
            self.seen_body = True
        element = Element(name, attrs)
        self._append(element)
        self.stack.append(element)
        return element

    def _auto_close(self, new: str) -> None:
        while len(self.stack) > 1 and self.current in _START_CLOSE.get(new, ()):
            self.stack.pop()

    def _check_implied(self, new: str) -> None:
        if new == "html":
            return
        if len(self.stack) == 1:
            self._push("html", [])
        if new in ("body", "head"):
            return
        if len(self.stack) <= 2 and new in _HEAD_CONTENT:
            if not (self.seen_head or self.seen_body):
                self._push("head", [])
        elif new not in ("noframes", "frame", "frameset"):
            if self.seen_body or any(e.tag in ("body", "head") for e in self.stack):
                return
            self._push("body", [])

    def _misplaced(self, tag: str) -> bool:
        if tag == "html":
            return len(self.stack) > 1
        if tag == "head":
            return len(self.stack) != 2 or self.seen_head
        return tag == "body" and any(e.tag == "body" for e in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, Optional[str]]], closed: bool) -> None:
        self.prolog = False
        unique = attrs
        if len(attrs) > 1 and len({name for name, _ in attrs}) < len(attrs):
            unique, seen = [], set()
            for name, value in attrs:
                if name not in seen:
                    seen.add(name)
                    unique.append((name, value))
        self._auto_close(tag)  # libxml2 closes what the tag closes even when it then drops a misplaced tag
        if self._misplaced(tag):
            self.discarded += 1
            return
        self._check_implied(tag)
        element = self._push(tag, unique)
        if closed or tag in LIBXML_EMPTY:
            self.stack.pop()
        del element

    def handle_endtag(self, tag: str) -> None:
        self.prolog = False
        if self.discarded and tag in ("html", "body", "head"):
            self.discarded -= 1
            return
        stack = self.stack
        priority = _END_PRIORITY.get(tag, 100)
        for index in range(len(stack) - 1, 0, -1):  # the innermost open element called *tag*
            name = stack[index].tag
            if name == tag:
                del stack[index:]
                return
            if _END_PRIORITY.get(name, 100) > priority:
                return  # a stronger element is open inside it

    def handle_data(self, data: str) -> None:
        if self.prolog:  # htmlParseDocument skips blanks before the content (and between comments there)
            data = data.lstrip(_BLANK)
            if not data:
                return
            self.prolog = False
        if self.current in _RAW_TEXT:
            self._append(Markup(data))
            return
        if data.strip(_BLANK) == "":
            if len(self.stack) > 1:
                self._append(Text(data))
            return
        # htmlCheckParagraph: text directly in the document, <html> or <head> goes in an implied <p>
        if self.current in ("", "html", "head"):
            self._auto_close("p")
            self._check_implied("p")
            self._push("p", [])
        self._append(Text(data))

    def handle_lone_lt(self) -> None:
        """A ``<`` that starts no markup: libxml2 hands it to SAX as characters at once, without
        ``htmlCheckParagraph``, so before any element it is lost and in ``<html>`` it needs no ``<p>``."""
        self.prolog = False
        if len(self.stack) > 1:
            self._append(Text("<"))

    def handle_decl(self, decl: str) -> None:
        match = _DOCTYPE.match(decl)
        if match is None or self.doctype or len(self.stack) > 1:
            return
        public, system = match.group("public"), match.group("system") or match.group("system2")
        line = f"<!DOCTYPE {match.group('name')}"
        if public is not None:
            line += f' PUBLIC "{public}"' + (f' "{system}"' if system is not None else "")
        elif system is not None:
            line += f' SYSTEM "{system}"'
        self.doctype = line + ">"

    def handle_comment(self, data: str) -> None:
        self._append(Markup(f"<!--{data}-->"))

    def handle_pi(self, data: str) -> None:
        self._append(Markup(f"<?{data}>"))


def libxml_references(html: str) -> str:
    """*html* with the ``&`` that libxml2 keeps as text escaped, so that Python's decoding agrees.

    libxml2 decodes ``&name;`` only for HTML 4's entities and only with the
    semicolon (``&copy`` and ``&check;`` stay text); Python's HTML 5 rules
    would decode both. Character references are left to Python but where the
    two read them otherwise (:func:`_character_reference`); raw text (comments,
    processing instructions, ``script``, ``style``) is left alone.
    """
    if "&" not in html:
        return html
    out: list[str] = []
    position = 0
    for raw in _RAW_SPANS.finditer(html):
        out.append(_ENTITY.sub(_libxml_reference, html[position:raw.start()]))
        out.append(raw.group(0))
        position = raw.end()
    out.append(_ENTITY.sub(_libxml_reference, html[position:]))
    return "".join(out)


def _libxml_reference(match: "re.Match[str]") -> str:
    hex_digits, digits, name, semicolon = match.groups()
    if name is None:
        number = int(hex_digits or "0", 16) if hex_digits is not None else int(digits or "0")
        return _character_reference(number, match.group(0))
    return match.group(0) if semicolon and name in _HTML4_ENTITIES else "&amp;" + name + semicolon


def _character_reference(code: int, written: str) -> str:
    """What libxml2 makes of ``&#code;`` where Python's HTML 5 decoding differs: a character
    XML does not allow dropped (``&#`` without digits reads as 0), C1 controls and noncharacters
    kept as the code point."""
    if not (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF):
        return ""
    if 0x7F <= code <= 0x9F or 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
        return chr(code)
    return written


#: htmlParseAttribute and the blanks after it: a name, then ``=`` and a value, quoted (to the end of
#: the input when the quote is not closed) or ending at a blank or ``>``
_ATTRIBUTE = re.compile(
    r"""([A-Za-z_:.][-.A-Za-z0-9:_]*)[ \t\n\r]*(?:=[ \t\n\r]*(?:"([^"]*)"?|'([^']*)'?|([^ \t\n\r>]*)))?[ \t\n\r]*"""
)
#: htmlParseHTMLName: a tag or attribute name (lower-cased; ``</`` followed by no name is dropped)
_NAME = re.compile(r"[A-Za-z_:.][-.A-Za-z0-9:_]*")
#: IS_BLANK_CH: what libxml2 skips between attributes
_BLANKS = re.compile(r"[ \t\n\r]*")
#: an attribute that does not start with a name is skipped up to a blank or the end of the tag
_BOGUS_ATTRIBUTE = re.compile(r"(?:[^ \t\n\r>/]|/(?!>))*")
#: htmlParseName: a processing instruction's target
_PI_TARGET = re.compile(r"[^\W\d][\w.:-]*")
#: what ends a comment for libxml2 2.9.14 (``--!>`` too, as HTML 5 says)
_COMMENT_END = re.compile(r"--!?>")
#: htmlParseScript: raw text ends where ``</`` and the element's name start
_RAW_END = {name: re.compile(rf"</{name}", re.I) for name in _RAW_TEXT}


def _tokenize(builder: DocumentBuilder, html: str) -> None:
    """Feed *html* to *builder* as libxml2's ``htmlParseContent`` reads it: a start tag where ``<``
    comes before a letter, an end tag where ``</`` comes before a name, comments, DOCTYPE and
    processing instructions (``</`` or ``<?`` without a name is dropped); any other ``<`` is text,
    and markup the input ends in is read to its end."""
    position = 0
    length = len(html)
    while position < length:
        start = html.find("<", position)
        if start < 0:
            builder.handle_data(unescape(html[position:]))
            return
        if start > position:
            builder.handle_data(unescape(html[position:start]))
        following = html[start + 1:start + 2]
        if following.isalpha() and following.isascii():
            position = _start_tag(builder, html, start)
        elif following == "/":
            name = _NAME.match(html, start + 2)
            if name is None:
                builder.handle_endtag("")  # libxml2 drops the "</" (it closes nothing) and reads on
                position = start + 2
                continue
            end = html.find(">", name.end())
            if end < 0:
                return  # it drops an end tag the input ends in
            builder.handle_endtag(name.group(0).lower())
            position = end + 1  # whatever stands before the ">" is skipped
        elif html.startswith("<!--", start):
            close = _COMMENT_END.search(html, start + 4)
            if close is None:
                return  # and a comment the input ends in
            builder.handle_comment(html[start + 4:close.start()])
            position = close.end()
        elif following == "?":
            target = _PI_TARGET.match(html, start + 2)
            if target is None:
                position = start + 2  # "<?" without a name is dropped
                continue
            end = html.find(">", target.end())
            if end < 0:
                return  # and a processing instruction the input ends in
            data = html[target.end():end].lstrip(" \t\n\r")
            builder.handle_pi(target.group(0) + (" " + data if data else ""))
            position = end + 1
        elif html[start + 2:start + 9].lower() == "doctype":
            end = html.find(">", start)
            if end < 0:
                return  # and a declaration the input ends in
            builder.handle_decl(html[start + 2:end])
            position = end + 1
        else:
            builder.handle_lone_lt()
            position = start + 1


def _start_tag(builder: DocumentBuilder, html: str, start: int) -> int:
    """``htmlParseStartTag`` at *start* (a letter follows the ``<``), and a raw text body; the position
    after them. Attributes without a name are skipped; a tag the input ends in is still an element."""
    tag_name = _NAME.match(html, start + 1)
    assert tag_name is not None  # a letter follows "<"
    tag = tag_name.group(0).lower()
    attrs: list[tuple[str, Optional[str]]] = []
    position = _after(_BLANKS, html, tag_name.end())
    length = len(html)
    while position < length and html[position] != ">" and not html.startswith("/>", position):
        attribute = _ATTRIBUTE.match(html, position)
        if attribute is None:
            position = _after(_BLANKS, html, _after(_BOGUS_ATTRIBUTE, html, position))
            continue
        attribute_name, double, single, bare = attribute.groups()
        value = double if double is not None else single if single is not None else bare
        attrs.append((attribute_name.lower(), unescape(value) if value else value))
        position = attribute.end()
    if html.startswith("/>", position):
        builder.handle_startendtag(tag, attrs)
        return position + 2
    builder.handle_starttag(tag, attrs)
    position += 1  # past the ">", or the end of the input
    if tag not in _RAW_TEXT or position >= length:
        return position
    body_end = _RAW_END[tag].search(html, position)
    end = length if body_end is None else body_end.start()  # libxml2 reads raw text to the end of the input
    if end > position:
        builder.handle_data(html[position:end])
    return end


def _after(pattern: "re.Pattern[str]", html: str, position: int) -> int:
    """Where *pattern*, which may match the empty string, stops matching from *position*."""
    found = pattern.match(html, position)
    return found.end() if found else position


def _build(html: str) -> DocumentBuilder:
    builder = DocumentBuilder()
    _tokenize(builder, libxml_references(html))
    return builder


_BODY_TAG = re.compile(r"<body", re.I)
_RUBY_SPACE = " \t\r\n\f\v"


def _line_starts_with_body(html: str) -> bool:
    """Whether Ruby's ``/^\\s*?<body/i`` matches *html* (its ``^`` matches at the start of every line):
    Nokogiri then keeps the ``<body>`` element itself of a fragment (its ``/html/body`` XPath). So it
    does when the blanks before a ``<body`` reach the start of *html* or hold a line break. Not that
    pattern in Python's ``re``, which tries it again from each line start in a run of blank lines: a
    page indented with thousands of them took a second."""
    for found in _BODY_TAG.finditer(html):
        start = found.start()
        while start > 0 and html[start - 1] in _RUBY_SPACE:
            start -= 1
        if start == 0 or "\n" in html[start:found.start()]:
            return True
    return False


def parse_fragment(html: str) -> Element:
    """Nokogiri's ``HTML::DocumentFragment.parse``: *html* parsed as a document after ``<html><body>``;
    the body's nodes (the body itself when a line of *html* starts with ``<body``), under a nameless root."""
    body = next(_build("<html><body>" + html).root.iter("body"))
    fragment = Element("", [])
    fragment.children = [body] if _line_starts_with_body(html) else body.children
    return fragment


def rewrite_body(output: str, opening_body: "re.Pattern[str]", rewrite: Callable[[str], str]) -> str:
    """*output* with what lies between its opening ``<body>`` (as *opening_body* finds it, blanks after
    it included) and ``</body>`` through *rewrite*, or all of it through *rewrite* without ``<body``:
    how jemoji and jekyll-target-blank hand a page's body to Nokogiri as a fragment."""
    if "<body" not in output:
        return rewrite(output)
    match = opening_body.search(output)
    if match is None:
        return output
    head, opener, tail = output[:match.start()], match.group(0), output[match.end():]
    body, closer, rest = tail.partition("</body>")
    return head + opener + rewrite(body) + closer + rest


def parse_document(html: str) -> Document:
    builder = _build(html)
    return Document(builder.doctype or DEFAULT_DOCTYPE, builder.root)


def _quoted(value: str) -> str:
    """libxml2's xmlBufWriteQuotedString."""
    if '"' in value:
        if "'" in value:
            return '"' + value.replace('"', "&quot;") + '"'
        return f"'{value}'"
    return f'"{value}"'


def _escape_attribute(value: str) -> str:
    """libxml2's attribute escaping (``xmlEncodeAttributeEntities``): ``& < >``, except server-side
    includes (``<!--...-->``) and HTML 4 script macros (``&{...}``), which stay as written."""
    if "<!--" not in value and "&{" not in value:
        return escape(value, quote=False)
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
            end = value.index("}", index) + 1
            out.append(value[index:end])
            index = end
            continue
        out.append({"&": "&amp;", "<": "&lt;", ">": "&gt;"}.get(ch, ch))
        index += 1
    return "".join(out)


def _attribute(element: Element, name: str, value: Optional[str]) -> str:
    if value is None or name in _LIBXML_BOOLEAN:
        return f" {name}"
    value = _escape_attribute(value)
    if name in ("href", "action", "src") or (name == "name" and element.name == "a"):
        value = quote(value.lstrip(" \t\n\r"), safe=_URI_KEEP)
    return f" {name}={_quoted(value)}"


def _is_text(node: Any) -> bool:
    return isinstance(node, Text) or (isinstance(node, Markup) and not node.startswith("<"))


class Serializer:
    """libxml2's HTML serializer with Nokogiri's FORMAT option; subclasses may rewrite text."""

    def __init__(self) -> None:
        self.out: list[str] = []

    def children(self, parent: Element, ignored: bool) -> None:
        nodes = parent.children
        for index, node in enumerate(nodes):
            following = nodes[index + 1] if index + 1 < len(nodes) else None
            if isinstance(node, Element):
                self.element(node, parent.name, following, ignored)
            elif isinstance(node, Text):
                self.text(node, parent, ignored)
            else:
                self.out.append(node)

    def text(self, text: str, parent: Element, ignored: bool) -> None:
        self.out.append(escape(text, quote=False))

    def ignores(self, name: str) -> bool:
        """Whether text inside element *name* is left to :meth:`text` as ignored (jemoji's ``pre``/``code``)."""
        return False

    def element(self, element: Element, parent_name: str, following: Any, ignored: bool) -> None:
        name = element.name
        known = name in _LIBXML_KNOWN
        block = known and name not in _LIBXML_INLINE
        out = self.out
        out.append("<" + name + "".join(_attribute(element, n, v) for n, v in element.attrs))
        kids = element.children
        if name in LIBXML_EMPTY:
            out.append(">")
        elif not kids:
            out.append(">" if name in _LIBXML_SAVE_END_TAG and name not in ("html", "body") else f"></{name}>")
        else:
            out.append(">")
            spaced = block and len(kids) > 1 and not name.startswith("p")
            if spaced and not _is_text(kids[0]):
                out.append("\n")
            self.children(element, ignored or self.ignores(name))
            if spaced and not _is_text(kids[-1]):
                out.append("\n")
            out.append(f"</{name}>")
        if (block and following is not None and not _is_text(following) and parent_name
                and not parent_name.startswith("p")):
            out.append("\n")


def _insert_content_type(html: Element) -> None:
    """libxml2's htmlSetMetaEncoding for UTF-8: a Content-Type ``<meta>`` first in ``<head>``, unless one says UTF-8."""
    head = next((n for n in html.children if isinstance(n, Element) and n.name == "head"), None)
    if head is None:
        return
    for meta in head.children:
        if (isinstance(meta, Element) and meta.name == "meta"
                and (meta.get("http-equiv") or "").lower() == "content-type"):
            content = meta.get("content")
            if content is not None:
                if "utf-8" not in content.lower():
                    meta.set("content", "text/html; charset=UTF-8")
                return
    head.children.insert(0, Element("meta", [("http-equiv", "Content-Type"), ("content", "text/html; charset=UTF-8")]))


def serialize_document(document: Document, serializer_factory: Callable[[], Serializer] = Serializer) -> str:
    """Nokogiri's ``Document#to_s`` (``to_html``) of *document*, written as UTF-8."""
    html = document.html()
    if html is not None:
        _insert_content_type(html)
    serializer = serializer_factory()
    serializer.out.append(document.doctype + "\n")
    for node in document.root.children:
        if isinstance(node, Element):
            serializer.element(node, "", None, False)
        else:
            serializer.out.append(node)
    serializer.out.append("\n")
    return "".join(serializer.out)
