"""The ``html_to_native`` option: turn parsed HTML elements into native kramdown elements.

With the option on, kramdown rewrites each HTML element it parsed (``<em>``, ``<h2>``,
``<table>``, ``<pre><code>``...) into the element Markdown would have produced, so the
converter writes it out in its own style (header ids, table layout, escaped code). An
element whose content cannot be expressed natively (emphasis with edge whitespace, a
table with block content, code containing tags) stays raw HTML. Jekyll leaves the
option off; the kramdown suite exercises it.
"""

from __future__ import annotations

import re
from typing import Optional

from ..lazy_re import lazy_pattern
from . import patterns as P
from .element import Element
from .entities import entity

REMOVE_TEXT_CHILDREN = frozenset(
    "html head hgroup ol ul dl table colgroup tbody thead tfoot tr select optgroup".split()
)
WRAP_TEXT_CHILDREN = frozenset(
    "body section nav article aside header footer address div li dd blockquote figure "
    "figcaption fieldset form".split()
)
REMOVE_WHITESPACE_CHILDREN = frozenset(
    "body section nav article aside header footer address div li dd blockquote figure "
    "figcaption td th fieldset form".split()
)
STRIP_WHITESPACE = frozenset(
    "address article aside blockquote body caption dd div dl dt fieldset figcaption form "
    "footer header h1 h2 h3 h4 h5 h6 legend li nav p section td th".split()
)
SIMPLE_ELEMENTS = frozenset(
    "em strong blockquote hr br img p thead tbody tfoot tr td th ul ol dl li dt dd".split()
)
EMPHASIS_TYPES = {"em": "em", "i": "em", "strong": "strong", "b": "strong"}
SMART_QUOTE_NAMES = frozenset("lsquo rsquo ldquo rdquo".split())
TYPOGRAPHIC_NAMES = frozenset("mdash ndash hellip laquo raquo".split())
# Markup-significant characters stay literal in native code (the converter escapes them).
CODE_LITERAL_POINTS = frozenset({60, 62, 34, 38})
HEADER_NAMES = frozenset("h1 h2 h3 h4 h5 h6".split())
# Ruby's ``\s``, ``\S`` and ``\w`` are ASCII (NBSP is no space to them); its ``\b`` stays Unicode.
_S, _NS, _W = r"[ \t\n\v\f\r]", r"[^ \t\n\v\f\r]", r"[A-Za-z0-9_]"
_WHITESPACE_RUN = lazy_pattern(_S + "+")
_HIGHLIGHTER_CLASS = lazy_pattern(rf"{_S}+\bhighlighter-{_W}+\b|\bhighlighter-{_W}+\b{_S}*")
_LANGUAGE_CLASS = lazy_pattern(rf"\blanguage-{_NS}+")
_ALIGN_IN_STYLE = lazy_pattern(rf"(?:;{_S}*)?text-align:{_S}+(center|left|right)")
_MATH_TYPE = lazy_pattern(r"\bmath/tex\b")
_ANY_ALIGN = lazy_pattern(rf"text-align:{_S}+(center|left|right|justify|inherit)")
_TYPOGRAPHIC_CHARS = {"mdash": "\u2014", "ndash": "\u2013", "hellip": "\u2026",
                      "laquo": "\u00ab", "raquo": "\u00bb", "lsquo": "\u2018",
                      "rsquo": "\u2019", "ldquo": "\u201c", "rdquo": "\u201d"}


def convert(el: Element) -> None:
    """Rewrite the HTML element *el* (and its subtree) into native elements in place."""
    _process(el, True, False, None)


def _process(el: Element, do_conversion: bool, preserve_text: bool, parent: Optional[Element]) -> None:
    if el.type in ("xml_comment", "xml_pi"):
        if parent is None:
            container = "div"
        elif parent.type == "html_element":
            container = str(parent.value)
        else:
            container = {"codespan": "code", "codeblock": "pre", "header": "h1"}.get(parent.type, parent.type)
        el.options = {"category": "span" if P.HTML_CONTENT_MODEL.get(container) == "span" else "block"}
        return
    if el.type != "html_element":
        return
    name = str(el.value)
    special = _SPECIAL.get(name)
    if do_conversion and special is not None:
        special(el)
        return
    if do_conversion and name in REMOVE_TEXT_CHILDREN:
        _remove_text_children(el)
    if do_conversion and name in SIMPLE_ELEMENTS:
        _set_basics(el, name)
        _process_children(el, do_conversion, preserve_text)
    else:
        _process_html_element(el, do_conversion, preserve_text)
    if do_conversion:
        if name in STRIP_WHITESPACE:
            _strip_whitespace(el)
        if name in REMOVE_WHITESPACE_CHILDREN:
            _remove_whitespace_children(el)
        if name in WRAP_TEXT_CHILDREN:
            _wrap_text_children(el)


def _process_children(el: Element, do_conversion: bool = True, preserve_text: bool = False) -> None:
    children: list[Element] = []
    for child in el.children:
        if child.type == "text":
            children.extend(_process_text(child.value, preserve_text or not do_conversion))
        else:
            _process(child, do_conversion, preserve_text, el)
            children.append(child)
    el.children = children


def _process_text(raw: str, preserve: bool) -> list[Element]:
    """Split HTML text into text and entity elements (compressing whitespace unless *preserve*)."""
    if not preserve:
        raw = _WHITESPACE_RUN.sub(" ", raw)
    result: list[Element] = []
    pos = 0
    while True:
        match = P.HTML_ENTITY_RE.search(raw, pos)
        if match is None:
            result.append(Element("text", raw[pos:]))
            return result
        result.append(Element("text", raw[pos:match.start()]))
        pos = match.end()
        name, decimal, hexadecimal = match.groups()
        if name in SMART_QUOTE_NAMES:
            result.append(Element("smart_quote", name))
        elif name in TYPOGRAPHIC_NAMES:
            result.append(Element("typographic_sym", name))
        else:
            try:
                value = entity(name) if name else entity(int(decimal) if decimal else int(hexadecimal, 16))
            except KeyError:
                pos = match.start() + 1
                result.append(Element("entity", entity("amp")))
            else:
                result.append(Element("entity", value, None, {"original": match.group(0)}))


def _process_html_element(el: Element, do_conversion: bool = True, preserve_text: bool = False) -> None:
    name = str(el.value)
    el.options = {
        "category": "span" if name in P.HTML_SPAN_ELEMENTS else "block",
        "content_model": P.content_model(name) if do_conversion else "raw",
    }
    _process_children(el, do_conversion, preserve_text)


def _remove_text_children(el: Element) -> None:
    el.children = [c for c in el.children if c.type != "text"]


def _wrap_text_children(el: Element) -> None:
    wrapped: list[Element] = []
    last_is_p = False
    for child in el.children:
        if not child.is_block() or child.type == "text":
            if not last_is_p:
                wrapped.append(Element("p", None, None, {"transparent": True}))
                last_is_p = True
            wrapped[-1].children.append(child)
        else:
            wrapped.append(child)
            last_is_p = False
    el.children = wrapped


def _strip_whitespace(el: Element) -> None:
    if not el.children:
        return
    if el.children[0].type == "text":
        el.children[0].value = el.children[0].value.lstrip(P.WHITESPACE)
    if el.children[-1].type == "text":
        el.children[-1].value = el.children[-1].value.rstrip(P.WHITESPACE)


def _remove_whitespace_children(el: Element) -> None:
    children = el.children
    last = len(children) - 1
    el.children = [
        c for i, c in enumerate(children)
        if not (c.type == "text" and not c.value.strip(P.WHITESPACE)
                and (i == 0 or i == last or (children[i - 1].is_block() and children[i + 1].is_block())))
    ]


def _set_basics(el: Element, type: str, options: Optional[dict[str, object]] = None) -> None:
    el.type = type
    el.options = dict(options or {})
    el.value = None


def _extract_text(el: Element, into: list[str]) -> None:
    if el.type == "text":
        into.append(str(el.value))
    for child in el.children:
        _extract_text(child, into)


def _text_of(el: Element) -> str:
    parts: list[str] = []
    _extract_text(el, parts)
    return "".join(parts)


def _convert_textarea(el: Element) -> None:
    _process_html_element(el, True, True)


def _convert_a(el: Element) -> None:
    if el.attr.get("href") is not None:
        _set_basics(el, "a")
        _process_children(el)
    else:
        _process_html_element(el, False)


def _convert_emphasis(el: Element) -> None:
    text = _text_of(el)
    if text[:1].isspace() or text[-1:].isspace():
        _process_html_element(el, False)
    else:
        _set_basics(el, EMPHASIS_TYPES[str(el.value)])
        _process_children(el)


def _convert_header(el: Element) -> None:
    level = int(str(el.value)[1])
    raw_text = _text_of(el)
    _set_basics(el, "header", {"level": level, "raw_text": raw_text})
    _process_children(el)


def _convert_code(el: Element) -> None:
    """``<code>`` becomes a code span, ``<pre>`` a code block, if the content is plain text."""
    pieces: list[str] = []
    for part in _process_text(_text_of(el), True):
        if part.type == "text":
            pieces.append(part.value)
        elif part.type == "entity":
            char = part.value.char
            if char is None:
                _process_html_element(el, False, True)
                return
            pieces.append(chr(part.value.code_point) if part.value.code_point in CODE_LITERAL_POINTS else char)
        else:
            pieces.append(_TYPOGRAPHIC_CHARS[part.value])
    is_span = el.value == "code"
    language: Optional[str] = None
    if not is_span and len(el.children) == 1 and el.children[0].value == "code":
        found = _LANGUAGE_CLASS.search(el.children[0].attr.get("class") or "")
        language = found.group(0) if found else None
    _set_basics(el, "codespan" if is_span else "codeblock")
    if is_span and "class" in el.attr:
        el.attr["class"] = _HIGHLIGHTER_CLASS.sub("", el.attr["class"])
    if language:
        el.attr["class"] = f"{language} {el.attr.get('class') or ''}".rstrip(P.WHITESPACE)
    el.value = "".join(pieces)
    el.children = []


def _only_phrasing_content(el: Element) -> bool:
    return all((c.type == "text" or c.value not in P.HTML_BLOCK_ELEMENTS) and _only_phrasing_content(c)
               for c in el.children)


def _cells(row: Element) -> list[Element]:
    return [c for c in row.children if c.value in ("th", "td")]


def _rows(el: Element) -> list[Element]:
    """Every ``tr`` below *el*, in document order (not descending into rows)."""
    if el.value == "tr":
        return [el]
    return [row for child in el.children for row in _rows(child)]


def _all_cells(el: Element) -> list[Element]:
    if el.value in ("th", "td"):
        return [el]
    return [cell for child in el.children for cell in _all_cells(child)]


def _rows_hold_only(section: Element, cell_name: str) -> bool:
    return all((row.value == "tr" or row.type == "text")
               and all(c.value == cell_name or c.type == "text" for c in row.children)
               for row in section.children)


def _is_simple_table(el: Element) -> bool:
    """A table kramdown can write natively: phrasing cells, equal rows, one alignment."""
    if not all(_only_phrasing_content(cell) for cell in _all_cells(el)):
        return False
    rows = _rows(el)
    cells_per_row = 0
    for row in rows:
        count = len(_cells(row))
        if count != cells_per_row:
            if cells_per_row:
                return False
            cells_per_row = count
    alignment: Optional[list[str]] = None
    for row in rows:
        current = []
        for cell in _cells(row):
            found = _ANY_ALIGN.search(cell.attr.get("style") or "")
            if found and found.group(1) in ("justify", "inherit"):
                return False
            current.append(found.group(1) if found else "default")
        if alignment is None:
            alignment = current
        elif alignment != current:
            return False
    if _rows_hold_only(el, "td"):
        return True
    return all(
        t.type == "text"
        or (t.value == "thead" and _rows_hold_only(t, "th"))
        or (t.value in ("tfoot", "tbody") and _rows_hold_only(t, "td"))
        for t in el.children
    ) and any(t.value == "tbody" for t in el.children)


def _convert_table(el: Element) -> None:
    if not _is_simple_table(el):
        _process_html_element(el, False)
        return
    _remove_text_children(el)
    _process_children(el)
    _set_basics(el, "table")
    for row in _native_rows(el):
        alignments = []
        for cell in row.children:
            style = cell.attr.get("style")
            found = _ALIGN_IN_STYLE.search(style) if style else None
            if style is not None:
                if found:
                    style = style[:found.start()] + style[found.end():]
                    cell.attr["style"] = style
                if not style.strip(P.WHITESPACE):
                    del cell.attr["style"]
            alignments.append(found.group(1) if found else "default")
        el.options["alignment"] = alignments
    el.children = [c for c in el.children if c.type != "html_element"]
    _th_to_td(el)
    if el.children and el.children[0].type == "tr":
        body = Element("tbody")
        body.children = el.children
        el.children = [body]


def _native_rows(el: Element) -> list[Element]:
    if el.type == "tr":
        return [el]
    return [row for child in el.children for row in _native_rows(child)]


def _th_to_td(el: Element) -> None:
    if el.type == "th":
        el.type = "td"
        return
    for child in el.children:
        _th_to_td(child)


def _convert_script(el: Element) -> None:
    if not _MATH_TYPE.search(el.attr.get("type") or ""):
        _process_html_element(el)
        return
    display = "mode=display" in el.attr["type"]
    _set_basics(el, "math", {"category": "block" if display else "span"})
    body = el.children.pop(0).value if el.children else ""
    found = re.fullmatch(r"(?:%\s*)?<!\[CDATA\[\n?(.*?)(?:\s%)?\]\]>", body, re.DOTALL)
    el.value = found.group(1) if found else body
    del el.attr["type"]


_SPECIAL = {
    "textarea": _convert_textarea, "a": _convert_a, "script": _convert_script,
    "em": _convert_emphasis, "i": _convert_emphasis, "strong": _convert_emphasis, "b": _convert_emphasis,
    "code": _convert_code, "pre": _convert_code, "table": _convert_table,
    **dict.fromkeys(HEADER_NAMES, _convert_header),
}
