"""kramdown's parser: the block/span driver loops and the tree post-processing.

The individual block and span parsers live in mixins (``blocks``, ``lists``,
``tables``, ``extensions``, ``html_tags``, ``spans``); this module holds the state they
share and the two loops that try them in kramdown's order. Like kramdown, block
parsing stores paragraph text as ``raw_text`` and a second pass (``update_tree``)
parses spans and applies IALs.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Optional

from ..lazy_re import lazy_pattern
from .blocks import BlockParsers
from .element import Element
from .extensions import ExtensionParsers
from .html_tags import HtmlParsers, StopBlockParsing
from .lists import ListParsers
from .patterns import WHITESPACE
from ..regex_starts import first_chars
from .prefilter import searcher
from .scanner import Scanner, has_line_anchor
from .spans import SPAN_PARSER_TABLE, SpanParsers
from .tables import TableParsers
from .unicode_classes import ruby_downcase

REFS = ":refs"  # key of an IAL's ALD references (not an attribute name: ':' is not allowed there)

MAX_BLOCK_DEPTH = 48
MAX_SPAN_DEPTH = 48
# Characters that failed emphasis/link attempts may rescan before further openers are
# taken literally: kramdown retries every unmatched opener to the end of its block, which
# is quadratic; the budget bounds pathological input and never binds on real pages.
BACKTRACK_BUDGET_PER_CHAR = 4
BACKTRACK_BUDGET_BASE = 50_000
MAX_ALD_DEPTH = 16

_ANY_LINE = lazy_pattern(r".*\n?")




def lstrip_ws(text: str) -> str:
    return text.lstrip(WHITESPACE)


def strip_ws(text: str) -> str:
    return text.strip(WHITESPACE)


def adapt_source(source: str) -> str:
    """Normalise line endings and guarantee exactly one trailing newline."""
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    if source.endswith("\n"):
        source = source[:-1]
    return source + "\n"


_span_start_cache: dict[tuple[str, ...], tuple[re.Pattern[str], str]] = {}
_stop_union_cache: dict[tuple[str, str], re.Pattern[str]] = {}


Dispatch = tuple[dict[str, tuple[int, ...]], tuple[int, ...]]
#: a parser's start pattern and its method (the class's function: it is called with the parser)
Parser = tuple[re.Pattern[str], Callable[[Any], Any]]
#: a set of span parsers: their start patterns' union, its source, the parsers, their dispatch table
SpanSetup = tuple[re.Pattern[str], str, list[Parser], Dispatch]
#: by the patterns' ids (hashing a pattern hashes its compiled code), holding the patterns
_dispatch_cache: dict[tuple[int, ...], tuple[tuple[re.Pattern[str], ...], Dispatch]] = {}
#: a parser class's block parsers, span parsers by name, the union of the span start patterns with
#: its source, the block dispatch table
ParserSetup = tuple[list[Parser], dict[str, Parser], tuple[re.Pattern[str], str], Dispatch]
SetupKey = tuple[type, tuple[str, ...], tuple[str, ...]]
#: by parser class and the names of its block and span parsers
_parser_setups: dict[SetupKey, ParserSetup] = {}
#: the same, the span setups of the sets of span parsers used so far
_span_setups: dict[SetupKey, dict[Optional[tuple[str, ...]], SpanSetup]] = {}


def dispatch_table(patterns: tuple[re.Pattern[str], ...]) -> Dispatch:
    """For each character a block or span may start with, the indexes of the parsers whose start
    pattern may match there (in order); and those for any other character. Trying every parser's
    pattern at every line and every span start was a fifth of parsing time."""
    key = tuple(map(id, patterns))
    cached = _dispatch_cache.get(key)
    if cached is None or any(a is not b for a, b in zip(cached[0], patterns, strict=True)):
        firsts = [first_chars(pattern) for pattern in patterns]
        chars = set().union(*(first for first in firsts if first is not None))
        by_char = {ch: tuple(i for i, first in enumerate(firsts) if first is None or ch in first) for ch in chars}
        any_char = tuple(i for i, first in enumerate(firsts) if first is None)
        cached = _dispatch_cache[key] = (patterns, (by_char, any_char))
    return cached[1]


class KramdownParser(
    BlockParsers, ListParsers, TableParsers, ExtensionParsers, HtmlParsers, SpanParsers
):
    """Parses kramdown-flavoured Markdown into an :class:`Element` tree."""

    BLOCK_PARSER_NAMES: tuple[str, ...] = (
        "blank_line", "codeblock", "codeblock_fenced", "blockquote", "atx_header",
        "horizontal_rule", "list", "definition_list", "block_html", "setext_header",
        "block_math", "table", "footnote_definition", "link_definition",
        "abbrev_definition", "block_extensions", "eob_marker", "paragraph",
    )
    SPAN_PARSER_NAMES: tuple[str, ...] = (
        "emphasis", "codespan", "autolink", "span_html", "footnote_marker", "link",
        "smart_quotes", "inline_math", "span_extensions", "html_entity",
        "typographic_syms", "line_break", "escaped_chars",
    )

    def __init__(self, source: str, options: dict[str, Any]) -> None:
        self.source = source
        self.options = dict(options)
        self.root = Element(
            "root", None, None, {"options": {}, "abbrev_defs": {}, "abbrev_attr": {}}
        )
        self.warnings: list[str] = []
        self.alds: dict[str, dict[str, Any]] = {}
        self.footnotes: dict[str, dict[str, Any]] = {}
        self.link_defs: dict[str, list[Any]] = {}
        self.backtrack_budget = BACKTRACK_BUDGET_BASE + BACKTRACK_BUDGET_PER_CHAR * len(source)
        for key, value in (self.options.get("link_defs") or {}).items():
            self.link_defs[self.normalize_link_id(key)] = list(value) + [None]
        self.block_parser_names = list(self.BLOCK_PARSER_NAMES)
        self.span_parser_names = list(self.SPAN_PARSER_NAMES)
        self.reset_env()

    # -- environment -------------------------------------------------------------

    def reset_env(self, src: Optional[Scanner] = None, text_type: str = "raw_text") -> None:
        self.src: Scanner = src  # type: ignore[assignment]
        self.tree: Element = None  # type: ignore[assignment]  # set while parsing, like src
        self.block_ial: Optional[dict[str, Any]] = None
        self.stack: list[tuple[Any, ...]] = []
        self.text_type = text_type

    def save_env(self) -> tuple[Any, ...]:
        return (self.src, self.tree, self.block_ial, self.stack, self.text_type)

    def restore_env(self, env: tuple[Any, ...]) -> None:
        self.src, self.tree, self.block_ial, self.stack, self.text_type = env

    # -- entry point -------------------------------------------------------------

    def parse(self) -> Element:
        self.configure_parser()
        self.parse_blocks(self.root, adapt_source(self.source))
        self.update_tree(self.root)
        abbrev_attr = self.root.options["abbrev_attr"]
        for key in list(abbrev_attr):
            abbrev_attr[key] = abbrev_attr[key].attr
        self.replace_abbreviations(self.root)
        for data in self.footnotes.values():
            self.update_tree(data["content"])
            self.replace_abbreviations(data["content"])
        self.root.options["footnote_count"] = sum(1 for d in self.footnotes.values() if "marker" in d)
        return self.root

    def configure_parser(self) -> None:
        key = (type(self), tuple(self.block_parser_names), tuple(self.span_parser_names))
        setup = _parser_setups.get(key)
        if setup is None:
            setup = _parser_setups[key] = self.parser_setup()
        self.block_parsers, self.span_parsers_by_name, (self.span_start_re, self.span_start_src), \
            self.block_dispatch = setup
        self.span_setups = _span_setups.setdefault(key, {})

    def parser_setup(self) -> ParserSetup:
        """What :meth:`configure_parser` needs for this class and set of parsers, worked out once:
        each document of a build (most of them one-line titles through ``markdownify``) needs the
        same, and working it out again was a third of converting a short title. The parsers are the
        class's functions, not methods bound to a parser: binding them cost a tenth of that again."""
        cls = type(self)
        block_parsers = [(getattr(cls, f"{name.upper()}_START"), getattr(cls, f"parse_{name}"))
                         for name in self.block_parser_names]
        span_parsers = {name: (SPAN_PARSER_TABLE[name][0], getattr(cls, SPAN_PARSER_TABLE[name][2]))
                        for name in self.span_parser_names}
        return (block_parsers, span_parsers, self.span_parser_regexps(tuple(self.span_parser_names)),
                dispatch_table(tuple(start_re for start_re, _ in block_parsers)))

    @staticmethod
    def span_parser_regexps(names: tuple[str, ...]) -> tuple[re.Pattern[str], str]:
        cached = _span_start_cache.get(names)
        if cached is None:
            source = "|".join(SPAN_PARSER_TABLE[name][1] for name in names)
            cached = _span_start_cache[names] = (re.compile(f"(?=(?:{source}))", re.ASCII | re.M), source)
        return cached

    def span_setup(self, parser_names: Optional[tuple[str, ...]]) -> SpanSetup:
        """What :meth:`parse_spans` needs for a set of span parsers (None: all of them): the union
        of their start patterns, its source, the parsers and their dispatch table."""
        if parser_names is None:
            span_start_src = self.span_start_src
            used_re = self.span_start_re
            parsers = [self.span_parsers_by_name[n] for n in self.span_parser_names]
        else:
            used_re, span_start_src = self.span_parser_regexps(parser_names)
            parsers = [self.span_parsers_by_name[n] for n in parser_names if n in self.span_parsers_by_name]
        return used_re, span_start_src, parsers, dispatch_table(tuple(start_re for start_re, _ in parsers))

    # -- tree helpers ------------------------------------------------------------

    def add_text(self, text: str, tree: Optional[Element] = None, type: Optional[str] = None) -> None:
        tree = self.tree if tree is None else tree
        type = self.text_type if type is None else type
        children = tree.children
        if children and children[-1].type == type:
            last = children[-1]
            # Detach the value so the string has one reference and CPython can grow it in
            # place: appending character by character to a long text stays linear.
            value, last.value = last.value, None
            value += text
            last.value = value
        elif text:
            children.append(Element(type, text))

    def new_block_el(self, type: str, value: Any = None, attr: Optional[dict[str, str]] = None,
                     options: Optional[dict[str, Any]] = None) -> Element:
        el = Element(type, value, attr, options)
        if self.block_ial is not None:
            el.options["ial"] = self.block_ial
            self.block_ial = None
        return el

    def warning(self, text: str) -> None:
        self.warnings.append(text)

    # -- block loop --------------------------------------------------------------

    def parse_blocks(self, el: Element, text: Optional[str] = None) -> bool:
        """Run the block parsers over *text* (or the current source) into *el*.

        Returns True when an HTML end tag for the enclosing element stopped parsing.
        """
        self.stack.append((self.tree, self.src, self.block_ial))
        self.tree, self.block_ial = el, None
        if text is not None:
            self.src = Scanner(text)
        found = False
        try:
            if len(self.stack) > MAX_BLOCK_DEPTH:
                self.add_too_deep_text()
            else:
                self.run_block_parsers()
        except StopBlockParsing:
            found = True
        self.tree, self.src, self.block_ial = self.stack.pop()
        return found

    def run_block_parsers(self) -> None:
        src = self.src
        parsers = self.block_parsers
        by_char, any_char = self.block_dispatch
        string = src.string
        end = len(string)
        while src.pos < end:
            pos = src.pos
            at_line_start = pos == 0 or string[pos - 1] == "\n"
            # only the parsers whose start pattern may match at this character, in their order
            order = by_char.get(string[pos], any_char)
            index = 0
            while index < len(order):
                start_re, method = parsers[order[index]]
                index += 1
                if at_line_start:  # the common case, without the scanner's mid-line handling
                    src.offset = 0
                    src.m = matched = start_re.match(string, pos)
                else:
                    matched = src.match(start_re)
                if matched is not None:
                    if method(self):
                        break
                    if src.pos != pos:  # a parser that declined yet moved on: the rest try the new place
                        pos = src.pos
                        at_line_start = pos == 0 or string[pos - 1] == "\n"
                        after = order[index - 1]
                        order = tuple(range(after + 1, len(parsers)))
                        index = 0
            else:
                self.add_text(src.scan(_ANY_LINE) or src.getch())

    def add_too_deep_text(self) -> None:
        """Nesting beyond the guard's depth is kept as one plain paragraph."""
        para = Element("p")
        self.tree.children.append(para)
        self.add_text(strip_ws(self.src.rest()), para)
        self.src.terminate()

    def after_block_boundary(self) -> bool:
        children = self.tree.children
        last = children[-1] if children else None
        return (last is None or last.type == "blank" or (last.type == "eob" and last.value is None)
                or bool(self.block_ial))

    def before_block_boundary(self) -> bool:
        from .patterns import BLOCK_BOUNDARY

        return self.src.check(BLOCK_BOUNDARY) is not None

    # -- span loop ---------------------------------------------------------------

    def parse_spans(self, el: Element, stop_re: Optional[re.Pattern[str]] = None,
                    parser_names: Optional[tuple[str, ...]] = None, text_type: Optional[str] = None,
                    stop_ok: Optional[Callable[[], bool]] = None) -> bool:
        """Run the span parsers into *el* until the source ends or *stop_re* matches.

        *stop_ok*, when given, decides whether a *stop_re* match really stops.
        Returns whether parsing stopped at *stop_re*.
        """
        if self.tree is not None:
            self.stack.append((self.tree, self.text_type))
        self.tree = el
        if text_type is not None:
            self.text_type = text_type
        span_setup = self.span_setups.get(parser_names)
        if span_setup is None:
            span_setup = self.span_setups[parser_names] = self.span_setup(parser_names)
        used_re, span_start_src, parsers, (by_char, any_char) = span_setup
        if stop_re is not None:
            key = (stop_re.pattern, span_start_src)
            used_re = _stop_union_cache.get(key)  # type: ignore[assignment]
            if used_re is None:
                used_re = _stop_union_cache[key] = re.compile(
                    f"(?=(?:{stop_re.pattern})|(?:{span_start_src}))", stop_re.flags
                )
        if len(self.stack) > MAX_SPAN_DEPTH:
            parsers, by_char, any_char = [], {}, ()
        src = self.src
        string = src.string
        end = len(string)
        # the scanner's scan_until, inlined with what it looks up for the pattern looked up once
        search, search_rest = searcher(used_re), has_line_anchor(used_re)
        stop_found = False
        while src.pos < end:
            start = src.pos
            if search_rest and start and string[start - 1] != "\n":
                src.offset = start
                src.m = found = search(string[start:], 0)
            else:
                src.offset = 0
                src.m = found = search(string, start)
            if found is None:
                if stop_re is None:
                    self.add_text(string[start:])
                    src.pos = end
                break
            pos = src.pos = found.end() + src.offset
            self.add_text(string[start:pos])
            if stop_re is not None and src.check(stop_re) is not None:
                stop_found = stop_ok() if stop_ok is not None else True
                if stop_found:
                    break
            mid_line = pos > 0 and string[pos - 1] != "\n"
            for index in by_char.get(string[pos], any_char) if pos < end else any_char:
                start_re, method = parsers[index]
                if mid_line and has_line_anchor(start_re):
                    matched = src.match(start_re)
                else:  # the scanner's plain case, inlined: this loop is the hot path
                    src.offset = 0
                    src.m = matched = start_re.match(string, pos)
                if matched is not None:
                    method(self)
                    break
            else:
                self.add_text(src.getch())
        if self.stack:
            self.tree, self.text_type = self.stack.pop()
        else:
            self.tree, self.text_type = None, None  # type: ignore[assignment]
        return stop_found

    # -- second pass -------------------------------------------------------------

    def update_tree(self, element: Element) -> None:
        """Parse the spans of ``raw_text`` children and apply IALs, recursively."""
        last_blank: Optional[Element] = None
        new_children: list[Element] = []
        for child in element.children:
            ctype = child.type
            if ctype == "raw_text":
                last_blank = None
                self.reset_env(src=Scanner(child.value), text_type="text")
                self.parse_spans(child)
                new_children.extend(child.children)
            elif ctype == "eob":
                if child.options.get("ial"):
                    self.update_attr_with_ial(child.attr, child.options["ial"])
            elif ctype == "blank":
                if last_blank is not None:
                    last_blank.value += child.value
                else:
                    last_blank = child
                    new_children.append(child)
            else:
                last_blank = None
                self.update_tree(child)
                if child.options.get("ial"):
                    self.update_attr_with_ial(child.attr, child.options["ial"])
                if ctype == "dt" or (ctype == "header" and self.options.get("auto_id_stripping")):
                    self.update_raw_text(child)
                new_children.append(child)
        element.children = new_children

    def update_attr_with_ial(self, attr: dict[str, str], ial: dict[str, Any], depth: int = 0) -> None:
        """Apply an IAL (and the ALDs it references) to an attribute dict."""
        if depth <= MAX_ALD_DEPTH:
            for ref in ial.get(REFS, ()):
                ald = self.alds.get(ref)
                if ald is not None:
                    self.update_attr_with_ial(attr, ald, depth + 1)
        for key, value in ial.items():
            if key == "class":
                attr["class"] = lstrip_ws(f"{attr.get('class') or ''} {value}")
            elif key != REFS:
                attr[key] = value

    def update_raw_text(self, item: Element) -> None:
        parts: list[str] = []

        def append_text(child: Element) -> None:
            if child.type == "text":
                parts.append(child.value)
            else:
                for c in child.children:
                    append_text(c)

        append_text(item)
        item.options["raw_text"] = "".join(parts)

    @staticmethod
    def normalize_link_id(link_id: str) -> str:
        return ruby_downcase(re.sub(r"[ \t\n\r\f\v]+", " ", link_id))
