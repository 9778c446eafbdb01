"""kramdown's HTML handling: block-level and span-level tags, raw HTML content, and
the ``markdown="0|1|block|span"`` attribute that switches parsing inside an element."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Optional

from ..lazy_re import lazy_pattern
from . import patterns as P
from . import html_native
from .element import Element
from .patterns import rx

if TYPE_CHECKING:  # pragma: no cover
    # KramdownParser, made of these mixins, would be a cyclic base: mypy sees its other parts as Any.
    _Base = Any
else:
    _Base = object


class StopBlockParsing(Exception):
    """Raised by the HTML block parser when the enclosing element's end tag is found."""


MARKDOWN_ATTR_MODES = {"0": "raw", "1": "default", "span": "span", "block": "block"}
HTML_BLOCK_TAG = rx("^" + P.OPT_SPACE + P.HTML_TAG_SRC, re.DOTALL)
HTML_BLOCK_CLOSE_TAG = rx("^" + P.OPT_SPACE + P.HTML_TAG_CLOSE_SRC, re.DOTALL)
HTML_RAW_START = rx(r"(?=<(" + P.UNAME + r"|/|!--|\?))")
MAX_RAW_HTML_DEPTH = 60
_NEWLINES = lazy_pattern(r"\n+")

TagHandler = Callable[[Element, bool, bool], None]


@lru_cache(maxsize=256)
def _end_tag_lookahead(name: str) -> re.Pattern[str]:
    return re.compile(r"(?=</" + re.escape(name) + r"\s*>)", re.IGNORECASE | re.DOTALL | re.ASCII)


class HtmlParsers(_Base):
    tree: Element  # assigned here; KramdownParser declares its parse state
    block_ial: Optional[dict[str, Any]]
    BLOCK_HTML_START = rx("^" + P.OPT_SPACE + r"<(" + P.UNAME + r"|!--|/)")

    def parse_html_attributes(self, text: str, in_html_tag: bool = True) -> dict[str, str]:
        attrs: dict[str, str] = {}
        for name, value, _sep, quoted in P.HTML_ATTRIBUTE_RE.findall(text):
            if in_html_tag:
                name = name.lower()
            attrs[name] = value or quoted or ""
        return attrs

    def handle_html_start_tag(self, handler: TagHandler) -> None:
        src = self.src
        name, attr_text, closed_flag = src.group(1) or "", src.group(2) or "", src.group(4)
        if name.lower() in P.KNOWN_HTML_ELEMENTS:
            name = name.lower()
        closed = closed_flag is not None
        attrs = self.parse_html_attributes(attr_text, name in P.KNOWN_HTML_ELEMENTS)
        el = Element("html_element", name, attrs, {"category": "block"})
        self.tree.children.append(el)
        if not closed and name in P.HTML_ELEMENTS_WITHOUT_BODY:
            closed = True
        if name in ("script", "style"):
            self.handle_raw_html_tag(name)
            handler(el, False, False)
        else:
            handler(el, closed, True)

    def handle_raw_html_tag(self, name: str) -> None:
        src = self.src
        start = src.pos
        target = self.tree.children[-1]
        if src.scan_until(_end_tag_lookahead(name)) is not None:
            self.add_text(src.string[start:src.pos], target, "raw")
            src.scan(P.HTML_TAG_CLOSE_RE)
        else:
            self.add_text(src.rest(), target, "raw")
            src.terminate()

    def parse_raw_html(self, el: Element, handler: TagHandler) -> None:
        """Read HTML as text and tags (no Markdown) until *el*'s end tag."""
        src = self.src
        if len(self.stack) > MAX_RAW_HTML_DEPTH:
            self.add_text(src.rest(), el, "text")
            src.terminate()
            return
        self.stack.append(self.tree)
        self.tree = el
        done = False
        while not src.eos() and not done:
            result = src.scan_until(HTML_RAW_START)
            if result is None:
                self.add_text(src.rest(), self.tree, "text")
                src.terminate()
                break
            self.add_text(result, self.tree, "text")
            if (comment := src.scan(P.HTML_COMMENT_RE)) is not None:
                self.tree.children.append(Element("xml_comment", comment, None, {"category": "block"}))
            elif (instruction := src.scan(P.HTML_INSTRUCTION_RE)) is not None:
                self.tree.children.append(Element("xml_pi", instruction, None, {"category": "block"}))
            elif src.scan(P.HTML_TAG_RE) is not None:
                self.handle_html_start_tag(handler)
            elif src.scan(P.HTML_TAG_CLOSE_RE) is not None:
                close_name = src.group(1) or ""
                tree_name = self.tree.value
                if tree_name == (close_name.lower() if tree_name in P.KNOWN_HTML_ELEMENTS else close_name):
                    done = True
                else:
                    self.add_text(src.matched(), self.tree, "text")
            else:
                self.add_text(src.getch(), self.tree, "text")
        self.tree = self.stack.pop()

    def handle_kramdown_html_tag(self, el: Element, closed: bool, handle_body: bool) -> None:
        if self.block_ial is not None:
            el.options["ial"] = self.block_ial
            self.block_ial = None
        tree = self.tree
        if tree.type != "html_element" or tree.options.get("content_model") != "raw":
            model = P.content_model(el.value) if self.options.get("parse_block_html") else "raw"
        else:
            model = "raw"
        mode = MARKDOWN_ATTR_MODES.get(el.attr.pop("markdown", None))  # type: ignore[arg-type]
        if mode:
            model = P.content_model(el.value) if mode == "default" else mode
        src = self.src
        if model == "block":
            src.scan(P.TRAILING_WHITESPACE)
        el.options["content_model"] = model
        el.options["is_closed"] = closed
        if closed or not handle_body:
            return
        if model == "block":
            self.parse_blocks(el)
        elif model == "span":
            start = src.pos
            if src.scan_until(_end_tag_lookahead(el.value)) is not None:
                self.add_text(src.string[start:src.pos], el)
                src.scan(P.HTML_TAG_CLOSE_RE)
            else:
                self.add_text(src.rest(), el)
                src.terminate()
        else:
            self.parse_raw_html(el, self.handle_kramdown_html_tag)
        tree = self.tree
        if not (tree.type == "html_element" and tree.options.get("content_model") == "raw"):
            src.scan(P.TRAILING_WHITESPACE)

    def parse_block_html(self) -> bool:
        src = self.src
        if (comment := src.scan(P.HTML_COMMENT_RE)) is not None:
            self.tree.children.append(Element("xml_comment", comment, None, {"category": "block"}))
            src.scan(P.TRAILING_WHITESPACE)
            return True
        if src.check(HTML_BLOCK_TAG) is not None and (src.group(1) or "").lower() not in P.HTML_SPAN_ELEMENTS:
            src.pos += len(src.matched())
            self.handle_html_start_tag(self.handle_kramdown_html_tag)
            if self.options.get("html_to_native"):
                html_native.convert(self.tree.children[-1])
            return True
        if src.check(HTML_BLOCK_CLOSE_TAG) is not None and (src.group(1) or "").lower() not in P.HTML_SPAN_ELEMENTS:
            name = (src.group(1) or "").lower()
            if self.tree.type == "html_element" and self.tree.value == name:
                src.pos += len(src.matched())
                raise StopBlockParsing
        return False

    def parse_span_html(self) -> None:
        src = self.src
        if (comment := src.scan(P.HTML_COMMENT_RE)) is not None:
            self.tree.children.append(Element("xml_comment", comment, None, {"category": "span"}))
            return
        if (close := src.scan(P.HTML_TAG_CLOSE_RE)) is not None:
            self.add_text(close)
            return
        if (tag := src.scan(P.HTML_TAG_RE)) is None:
            self.add_text(src.getch())
            return
        tag_name, attr_text, closed_flag = src.group(1) or "", src.group(2) or "", src.group(4)
        known = tag_name.lower() in P.KNOWN_HTML_ELEMENTS
        if known:
            tag_name = tag_name.lower()
        if tag_name in P.HTML_BLOCK_ELEMENTS:
            self.add_text(tag)
            return
        attrs = self.parse_html_attributes(attr_text, known)
        for key, value in attrs.items():
            if value:
                attrs[key] = _NEWLINES.sub(" ", value)
        if P.content_model(tag_name) == "raw" or self.tree.options.get("content_model") == "raw":
            do_parsing = False
        else:
            do_parsing = bool(self.options.get("parse_span_html"))
        mode = MARKDOWN_ATTR_MODES.get(attrs.pop("markdown", None))  # type: ignore[arg-type]
        if mode == "span":
            do_parsing = True
        elif mode == "default":
            do_parsing = P.content_model(tag_name) != "raw"
        elif mode == "raw":
            do_parsing = False
        el = Element("html_element", tag_name, attrs, {
            "category": "span", "content_model": "span" if do_parsing else "raw",
            "is_closed": closed_flag is not None,
        })
        self.tree.children.append(el)
        stop_re = re.compile(r"</" + re.escape(tag_name) + r"\s*>", re.ASCII | (re.IGNORECASE if known else 0))
        if closed_flag is None and tag_name not in P.HTML_ELEMENTS_WITHOUT_BODY:
            if self.parse_spans(el, stop_re, None if do_parsing else ("span_html",)):
                src.scan(stop_re)
            else:
                self.add_text(src.rest(), el)
                src.terminate()
        if self.options.get("html_to_native"):
            html_native.convert(el)
