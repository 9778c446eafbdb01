"""kramdown-parser-gfm 1.1: the ``input: GFM`` variant Jekyll uses.

Differences from the kramdown parser: ATX headers need a space after ``#``; backtick
fences; lists, headers, quotes and fences may interrupt a paragraph (the
``paragraph_end`` quirk); ``~~strike~~``; task lists; GitHub's header id algorithm;
newlines (or backslash-newlines when ``hard_wrap`` is off) become ``<br />``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ..lazy_re import lazy_pattern
from . import patterns as P
from .element import Element
from .errors import GemError
from .entities import entity
from .parser import KramdownParser
from .patterns import rx
from .scanner import Scanner
from .spans import SPAN_PARSER_TABLE
from .unicode_classes import ruby_alpha, ruby_downcase

ATX_HEADER_START_GFM = rx(r"^(?P<level>#{1,6})[\t ]+(?P<contents>.*)\n")
FENCED_CODEBLOCK_START_GFM = rx(r"^[ ]{0,3}[~`]{3,}")
FENCED_CODEBLOCK_MATCH_GFM = rx(
    r"^[ ]{0,3}(([~`]){3,})\s*?((\S+?)(?:\?\S*)?)?\s*?\n(.*?)^[ ]{0,3}\1\2*\s*?\n", re.DOTALL
)
PARAGRAPH_END_GFM = rx(
    "|".join([P.LAZY_END_SRC, P.LIST_START_SRC, ATX_HEADER_START_GFM.pattern, P.DEFINITION_LIST_START_SRC,
              P.BLOCKQUOTE_START_SRC, FENCED_CODEBLOCK_START_GFM.pattern])
)
STRIKETHROUGH_MATCH = rx(r"~~(?!\s|~).*?[^\s~]~~", re.DOTALL)
ESCAPED_CHARS_GFM = rx(r"\\([\\.*_+`<>()\[\]{}#!:\|\"'\$=\-~])")
SPAN_PARSER_TABLE.setdefault("strikethrough_gfm", (STRIKETHROUGH_MATCH, "~~", "parse_strikethrough_gfm"))
SPAN_PARSER_TABLE.setdefault("escaped_chars_gfm", (ESCAPED_CHARS_GFM, r"\\", "parse_escaped_chars"))

_TRAILING_HASHES_QUIRK = lazy_pattern(r"[\t ]#+\Z")
_TASK_UNCHECKED = lazy_pattern(r"\A\s*\[ \]\s+", re.ASCII)
_TASK_CHECKED = lazy_pattern(r"\A\s*\[x\]\s+", re.ASCII | re.IGNORECASE)
BOX_UNCHECKED = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />'
BOX_CHECKED = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked" />'
_WORD_CATEGORIES = frozenset({"Mn", "Mc", "Me", "Pc", "Nd", "Nl"})


def _is_gfm_id_char(ch: str) -> bool:
    """Onigmo's ``[\\p{Word}\\- \\t]``: alphabetic characters (circled letters too), marks, decimal
    digits, connectors.

    Not other numbers (``²``, ``½``) nor the zero-width joiners inside emoji.
    """
    if ch in "_- \t" or ruby_alpha(ch):
        return True
    return unicodedata.category(ch) in _WORD_CATEGORIES


class GFMParser(KramdownParser):
    BLOCK_PARSER_NAMES = tuple(
        {"codeblock_fenced": "codeblock_fenced_gfm", "atx_header": "atx_header_gfm"}.get(n, n)
        for n in KramdownParser.BLOCK_PARSER_NAMES
    )
    CODEBLOCK_FENCED_GFM_START = FENCED_CODEBLOCK_START_GFM
    ATX_HEADER_GFM_START = ATX_HEADER_START_GFM
    FENCED_CODEBLOCK_MATCH = FENCED_CODEBLOCK_MATCH_GFM

    def __init__(self, source: str, options: dict[str, Any]) -> None:
        super().__init__(source, options)
        self.options["auto_id_stripping"] = True
        self.id_counter: dict[str, int] = {}
        quirks = self.options.get("gfm_quirks") or ()
        names = self.span_parser_names
        if self.options.get("hard_wrap"):
            names.remove("line_break")
        if "no_auto_typographic" in quirks:
            names.remove("typographic_syms")
        names[names.index("escaped_chars")] = "escaped_chars_gfm"
        names.append("strikethrough_gfm")
        self.paragraph_end_quirk = "paragraph_end" in quirks
        self.hard_line_break = "\n" if self.options.get("hard_wrap") else "\\\n"

    def paragraph_end(self) -> re.Pattern[str]:
        return PARAGRAPH_END_GFM if self.paragraph_end_quirk else P.PARAGRAPH_END

    def parse(self) -> Element:
        root = super().parse()
        self.update_elements(root)
        return root

    def parse_codeblock_fenced_gfm(self) -> bool:
        return self.parse_codeblock_fenced()

    def parse_atx_header_gfm(self) -> bool:
        if not self.paragraph_end_quirk:
            return self.parse_atx_header()
        text, header_id = self.parse_header_contents()
        text, count = _TRAILING_HASHES_QUIRK.subn("", text, count=1)
        if count:
            text = text.rstrip(P.WHITESPACE)
        if not text:
            return False
        self.add_header(len(self.src.group("level") or ""), text, header_id)
        return True

    def parse_strikethrough_gfm(self) -> None:
        src = self.src
        matched = src.matched()
        src.pos += len(matched)
        el = Element("html_element", "del", {}, {"category": "span"})
        self.tree.children.append(el)
        env = self.save_env()
        self.reset_env(src=Scanner(matched[2:-2]), text_type="text")
        self.parse_spans(el)
        self.restore_env(env)

    def parse_list(self) -> bool:
        super().parse_list()
        current = [c for c in self.tree.children if c.type in ("ul", "ol")][-1]
        is_tasklist = False
        for li in current.children:
            items = li.children
            if not items or items[0].type != "p":
                continue
            if not items[0].children:  # the gem reads `children[0].value` of an empty paragraph (`* \0`)
                raise GemError("undefined method `value' for nil:NilClass")
            text_el = items[0].children[0]
            value, unchecked = _TASK_UNCHECKED.subn(BOX_UNCHECKED, text_el.value)
            value, checked = _TASK_CHECKED.subn(BOX_CHECKED, value)
            text_el.value = value
            is_tasklist = is_tasklist or bool(unchecked or checked)
            if is_tasklist:
                li.attr["class"] = "task-list-item"
        if is_tasklist:
            current.attr["class"] = "task-list"
        return True

    # -- second pass ---------------------------------------------------------------

    def update_elements(self, element: Element) -> None:
        hard_line_break = self.hard_line_break
        new_children: list[Element] = []
        for child in element.children:
            ctype = child.type
            if ctype == "text":
                if hard_line_break in child.value:
                    new_children.extend(self.split_hard_breaks(element, child))
                    continue
            elif ctype == "header" and self.options.get("auto_ids") and "id" not in child.attr:
                child.attr["id"] = self.generate_gfm_header_id(child.options.get("raw_text") or "")
            elif ctype != "html_element" and child.children:  # a leaf has nothing to update
                self.update_elements(child)
            new_children.append(child)
        element.children = new_children

    def split_hard_breaks(self, element: Element, child: Element) -> list[Element]:
        lines = child.value.split(self.hard_line_break)
        omit_trailing_br = (lines[-1] == "" and element.category() == "block"
                            and element.children[-1] is child)
        out: list[Element] = []
        for index, line in enumerate(lines):
            out.append(Element("text", f"\n{line}" if index > 0 else line))
            if index < len(lines) - 2 or (index == len(lines) - 2 and not omit_trailing_br):
                out.append(Element("br"))
        return out

    def update_raw_text(self, item: Element) -> None:
        parts: list[str] = []

        def append_text(child: Element) -> None:
            ctype = child.type
            if ctype in ("text", "codespan", "math"):
                parts.append(child.value)
            elif ctype == "entity":
                parts.append(child.value.char or "")
            elif ctype == "smart_quote":
                parts.append(entity(child.value).char or "")
            elif ctype == "typographic_sym":
                if child.value == "laquo_space":
                    parts.append("«\u00a0")
                elif child.value == "raquo_space":
                    parts.append("\u00a0»")
                else:
                    parts.append(entity(child.value).char or "")
            else:
                for c in child.children:
                    append_text(c)

        append_text(item)
        item.options["raw_text"] = "".join(parts)

    def generate_gfm_header_id(self, text: str) -> str:
        result = "".join(ch for ch in ruby_downcase(text) if _is_gfm_id_char(ch))
        result = result.replace(" ", "-").replace("\t", "-")
        count = self.id_counter.get(result, -1) + 1
        self.id_counter[result] = count
        if count > 0:
            result += f"-{count}"
        return str(self.options.get("auto_id_prefix") or "") + result
