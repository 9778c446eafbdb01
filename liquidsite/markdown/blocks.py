"""kramdown's simple block parsers: blank lines, paragraphs, headers, quotes, code,
rules, block math and the footnote/link/abbreviation definitions."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..lazy_re import lazy_pattern
from . import patterns as P
from .element import Element
from .patterns import rx
from .scanner import Scanner

if TYPE_CHECKING:  # pragma: no cover
    # KramdownParser, made of these mixins, would be a cyclic base: mypy sees its other parts as Any.
    _Base = Any
else:
    _Base = object

_WS = P.WHITESPACE
HEADER_ID = rx(r"[\t ]\{#(?P<id>" + P.XML_NAME + r")\}\Z")
LAZY_CODE_LINE = lazy_pattern(r"\n( {0,3}\S)", re.ASCII)
ATX_TRAILING_HASHES = lazy_pattern(r"(?<!\\)#+\Z")


class BlockParsers(_Base):
    BLANK_LINE_START = P.BLANK_LINE
    EOB_MARKER_START = P.EOB_MARKER
    PARAGRAPH_START = P.PARAGRAPH_START
    # ``.*+``: a line with no underline fails at once instead of giving its characters back one by one
    SETEXT_HEADER_START = rx("^" + P.OPT_SPACE + r"(?P<contents>[^ \t].*+)\n(?P<level>[-=])[-=]*[ \t\r\f\v]*\n")
    ATX_HEADER_START = rx(r"^(?P<level>#{1,6})[\t ]*(?P<contents>[^ \t].*)\n")
    BLOCKQUOTE_START = P.BLOCKQUOTE_START
    CODEBLOCK_START = P.INDENT
    CODEBLOCK_FENCED_START = rx(r"^~{3,}")
    FENCED_CODEBLOCK_MATCH = rx(r"^((~){3,})\s*?((\S+?)(?:\?\S*)?)?\s*?\n(.*?)^\1\2*\s*?\n", re.DOTALL)
    HORIZONTAL_RULE_START = P.HR_START
    BLOCK_MATH_START = rx("^" + P.OPT_SPACE + r"(\\)?\$\$(.*?)\$\$(\s*?\n)?", re.DOTALL)
    FOOTNOTE_DEFINITION_START = rx(
        "^" + P.OPT_SPACE + r"\[\^(" + P.ALD_ID_NAME + r")\]:\s*?(.*?\n" + P.CODEBLOCK_MATCH_SRC + ")"
    )
    LINK_DEFINITION_START = rx(
        "^" + P.OPT_SPACE + r"\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))"
        r"(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?([\"'])(.+?)\4)?[ \t]*?\n"
    )
    ABBREV_DEFINITION_START = rx("^" + P.OPT_SPACE + r"\*\[(.+?)\]:(.*?)\n")

    def paragraph_end(self) -> re.Pattern[str]:
        return P.PARAGRAPH_END

    def parse_blank_line(self) -> bool:
        src = self.src
        matched = src.matched()
        src.pos += len(matched)
        children = self.tree.children
        if children and children[-1].type == "blank":
            children[-1].value += matched
        else:
            children.append(self.new_block_el("blank", matched))
        return True

    def parse_eob_marker(self) -> bool:
        self.src.pos += len(self.src.matched())
        self.tree.children.append(self.new_block_el("eob"))
        return True

    def parse_paragraph(self) -> bool:
        src = self.src
        pos = src.pos
        result = src.scan(P.PARAGRAPH_MATCH) or ""
        end_re = self.paragraph_end()
        parts = [result]
        while not src.eos() and not src.match(end_re):
            line = src.scan(P.PARAGRAPH_MATCH)
            if line is None:
                line = src.rest()
                src.terminate()
            parts.append(line)
        result = "".join(parts).rstrip(_WS)
        children = self.tree.children
        last_child = children[-1] if children else None
        if last_child is not None and last_child.type == "p":
            last_item = last_child.children[-1] if last_child.children else None
            if last_item is not None and last_item.type == self.text_type:
                joiner = "  \n" if src.string[max(pos - 3, 0):pos] == "  \n" else "\n"
                last_item.value += joiner + result
            else:
                self.add_text(result, last_child)
        else:
            para = self.new_block_el("p")
            children.append(para)
            self.add_text(result.lstrip(_WS), para)
        return True

    # -- headers -----------------------------------------------------------------

    def parse_setext_header(self) -> bool:
        if not self.after_block_boundary():
            return False
        text, header_id = self.parse_header_contents()
        if not text:
            return False
        self.add_header(2 if self.src.group("level") == "-" else 1, text, header_id)
        return True

    def parse_atx_header(self) -> bool:
        if not self.after_block_boundary():
            return False
        text, header_id = self.parse_header_contents()
        text, count = ATX_TRAILING_HASHES.subn("", text, count=1)
        if count:
            text = text.rstrip(_WS)
        if not text:
            return False
        self.add_header(len(self.src.group("level") or ""), text, header_id)
        return True

    def parse_header_contents(self) -> tuple[str, str | None]:
        text = (self.src.group("contents") or "").rstrip(_WS)
        header_id = None
        m = HEADER_ID.search(text)
        if m:
            header_id = m.group("id")
            text = text[: -len(m.group())].rstrip(_WS)
        return text, header_id

    def add_header(self, level: int, text: str, header_id: str | None) -> None:
        self.src.pos += len(self.src.matched())
        el = self.new_block_el("header", None, None, {"level": level, "raw_text": text})
        self.add_text(text, el)
        if header_id:
            el.attr["id"] = header_id
        self.tree.children.append(el)

    # -- quotes, code, rules, math -----------------------------------------------

    def parse_blockquote(self) -> bool:
        src = self.src
        parts = [src.scan(P.PARAGRAPH_MATCH) or ""]
        while not src.eos() and not src.match(P.LAZY_END):
            line = src.scan(P.PARAGRAPH_MATCH)
            if line is None:
                line = src.rest()
                src.terminate()
            parts.append(line)
        result = P.BLOCKQUOTE_START.sub("", "".join(parts))
        el = self.new_block_el("blockquote")
        self.tree.children.append(el)
        self.parse_blocks(el, result)
        return True

    def parse_codeblock(self) -> bool:
        data = self.src.scan(P.CODEBLOCK_MATCH)
        if not data:
            return False
        data = LAZY_CODE_LINE.sub(r" \1", data)
        data = P.INDENT.sub("", data)
        self.tree.children.append(self.new_block_el("codeblock", data))
        return True

    def parse_codeblock_fenced(self) -> bool:
        src = self.src
        longest_closing = _longest_fence_run_after_line(src.string, src.pos)
        if longest_closing < 3 or src.check(_bounded_fence(self.FENCED_CODEBLOCK_MATCH, longest_closing)) is None:
            return False
        src.pos += len(src.matched())
        el = self.new_block_el("codeblock", src.group(5), None, {"fenced": True})
        lang = (src.group(3) or "").strip(_WS)
        if lang:
            el.options["lang"] = lang
            el.attr["class"] = f"language-{src.group(4)}"
        self.tree.children.append(el)
        return True

    def parse_horizontal_rule(self) -> bool:
        self.src.pos += len(self.src.matched())
        self.tree.children.append(self.new_block_el("hr"))
        return True

    def parse_block_math(self) -> bool:
        src = self.src
        if not self.after_block_boundary():
            return False
        if src.group(1):
            if src.group(3):
                src.scan(rx("^" + P.OPT_SPACE + r"\\"))
            return False
        saved = src.pos
        data = (src.group(2) or "").strip(_WS)
        src.pos += len(src.matched())
        if self.before_block_boundary():
            self.tree.children.append(self.new_block_el("math", data, None, {"category": "block"}))
            return True
        src.pos = saved
        return False

    # -- definitions ---------------------------------------------------------------

    def parse_footnote_definition(self) -> bool:
        src = self.src
        name, body = src.group(1) or "", src.group(2) or ""
        src.pos += len(src.matched())
        el = Element("footnote_def")
        self.parse_blocks(el, P.INDENT.sub("", body))
        eob = self.new_block_el("eob", "footnote_def")
        self.tree.children.append(eob)
        self.footnotes[name] = {"content": el, "eob": eob}
        return True

    def parse_link_definition(self) -> bool:
        src = self.src
        if re.search(r"[ \t]+[\"']", src.group(3) or ""):
            return False
        link_id = self.normalize_link_id(src.group(1) or "")
        url = src.group(2) if src.group(2) is not None else src.group(3)
        title = src.group(5)
        src.pos += len(src.matched())
        eob = self.new_block_el("eob", "link_def")
        self.tree.children.append(eob)
        self.link_defs[link_id] = [url, title, eob]
        return True

    def parse_abbrev_definition(self) -> bool:
        src = self.src
        abbrev_id, abbrev_text = src.group(1) or "", (src.group(2) or "").strip(_WS)
        src.pos += len(src.matched())
        eob = self.new_block_el("eob", "abbrev_def")
        self.tree.children.append(eob)
        self.root.options["abbrev_defs"][abbrev_id] = abbrev_text
        self.root.options["abbrev_attr"][abbrev_id] = eob
        return True

    # -- abbreviations (second pass) -------------------------------------------------

    def replace_abbreviations(self, el: Element, regexps: Any = None) -> None:
        defs = self.root.options["abbrev_defs"]
        if not defs:
            return
        if regexps is None:
            keys = sorted(defs, key=len, reverse=True)
            any_abbr = re.compile("|".join(re.escape(k) for k in keys), re.ASCII | re.M)
            at_word = re.compile(r"(?=(?:\W|^)(?:" + any_abbr.pattern + r")(?!\w))", re.ASCII | re.M)
            regexps = (any_abbr, at_word)
        any_abbr, at_word = regexps
        new_children: list[Element] = []
        for child in el.children:
            if child.type == "text" and el.options.get("content_model") != "raw":
                if any_abbr.search(child.value):
                    scanner = Scanner(child.value)
                    while (temp := scanner.scan_until(at_word)) is not None:
                        abbr = scanner.scan(any_abbr)
                        if abbr is None:
                            temp += scanner.scan(_NON_WORD_OR_BOL) or ""
                            abbr = scanner.scan(any_abbr)
                            if abbr is None:  # cannot happen with kramdown's lookahead; never loop
                                temp += scanner.getch()
                                abbr = ""
                        new_children.append(Element("text", temp))
                        new_children.append(Element("abbreviation", abbr))
                    new_children.append(Element("text", scanner.rest()))
                else:
                    new_children.append(child)
            else:
                self.replace_abbreviations(child, regexps)
                new_children.append(child)
        el.children = new_children


_NON_WORD_OR_BOL = lazy_pattern(r"\W|^", re.ASCII | re.M)


# Lines found by their newline, which re looks for at C speed (it tries ``^`` at every position)
_FENCE_RUN_AFTER_NEWLINE = lazy_pattern(r"\n[ ]{0,3}([~`]+)")


def _longest_fence_run_after_line(text: str, pos: int) -> int:
    """Length of the longest fence-character run opening a line after the one at *pos*."""
    newline = text.find("\n", pos)
    if newline < 0:
        return 0
    return max((len(run) for run in _FENCE_RUN_AFTER_NEWLINE.findall(text, newline)), default=0)


@lru_cache(maxsize=128)
def _bounded_fence(pattern: re.Pattern[str], longest: int) -> re.Pattern[str]:
    """*pattern* with its opening fence capped at *longest* characters.

    An opening fence longer than every closing candidate cannot match, so the cap keeps
    the match identical while sparing the regex engine a quadratic retreat over a very
    long run of backticks.
    """
    return re.compile(pattern.pattern.replace("){3,})", "){3,%d})" % longest, 1), pattern.flags)
