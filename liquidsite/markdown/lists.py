"""kramdown's list and definition-list parsers.

kramdown decides an item's content column from its first line, collects the item's
lines (content, lazy and blank lines), parses them as blocks, and then makes the first
paragraph "transparent" (no ``<p>``) by its own tight/loose rules.
"""

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

_LEADING_TAB = lazy_pattern(r"^ *\t")
_SPACES_THEN_TABS = lazy_pattern(r"^( *)(\t+)")
_LEADING_SPACES = lazy_pattern(r"^ *")
_LEADING_WS = lazy_pattern(r"^\s*", re.ASCII)
_LINE_TABS = lazy_pattern(r"^(\t+)")


@lru_cache(maxsize=64)
def first_line_patterns(indentation: int) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(content line, lazy line, indentation) patterns for a content column."""
    indent_re = rx("^ {%d}" % indentation)
    content_re = rx(
        r"^(?:(?:\t| {4}){%d} {%d}|(?:\t| {4}){%d}).*\S.*\n"
        % (indentation // 4, indentation % 4, indentation // 4 + 1)
    )
    lazy_re = rx(
        r"(?!^ {0,%d}(?:%s|%s|%s)).*\S.*\n"
        % (min(indentation, 3), P.IAL_BLOCK_SRC, P.LAZY_END_HTML_STOP_SRC, P.LAZY_END_HTML_START_TEST_SRC)
    )
    return content_re, lazy_re, indent_re


@lru_cache(maxsize=32)
def next_item_pattern(kind: str, indentation: int) -> re.Pattern[str]:
    """Where the next sibling item may start, given the current item's content column."""
    spaces = {1: "{0}", 2: "{0,1}", 3: "{0,2}"}.get(indentation, "{0,3}")
    marker = {"ul": "[+*-]", "ol": r"\d+\.", "dl": ":"}[kind]
    return rx(f"^( {spaces}{marker})({P.PATTERN_TAIL})")


class ListParsers(_Base):
    src: Scanner  # assigned here; KramdownParser declares its parse state
    LIST_START = P.LIST_START
    DEFINITION_LIST_START = P.DEFINITION_LIST_START

    def parse_first_list_line(self, indentation: int, content: str) -> tuple[Any, ...]:
        if P.LIST_ITEM_IAL_CHECK.match(content):
            indentation = 4
        else:
            while _LEADING_TAB.match(content):
                temp = len(_LEADING_SPACES.match(content).group()) + indentation  # type: ignore[union-attr]
                content = _SPACES_THEN_TABS.sub(
                    lambda m: m.group(1) + " " * (4 - (temp % 4) + (len(m.group(2)) - 1) * 4),  # noqa: B023 - used at once
                    content, count=1,
                )
            indentation += len(_LEADING_SPACES.match(content).group())  # type: ignore[union-attr]
        content = _LEADING_WS.sub("", content, count=1)
        return (content, indentation, *first_line_patterns(indentation))

    def take_item_ial(self, item: Element, text: str) -> str:
        def apply(m: re.Match[str]) -> str:
            self.parse_attribute_list(m.group(1), item.options.setdefault("ial", {}))
            return ""

        return P.LIST_ITEM_IAL.sub(apply, text, count=1)

    def parse_list(self) -> bool:
        src = self.src
        if src.check(P.LIST_START_UL) is not None:
            kind, item_re = "ul", P.LIST_START_UL
        else:
            kind, item_re = "ol", P.LIST_START_OL
        lst = self.new_block_el(kind)
        item: Element | None = None
        content_re = lazy_re = indent_re = None
        indentation = 0
        eob_found = nested_list_found = last_is_blank = False
        while not src.eos():
            if last_is_blank and src.check(P.HR_START) is not None:
                break
            if src.scan(P.EOB_MARKER) is not None:
                eob_found = True
                break
            if src.scan(item_re) is not None:
                marker, rest = src.group(1) or "", src.group(2) or ""
                lst.options.setdefault("first_list_marker", marker.strip(P.WHITESPACE))
                item = Element("li")
                text, indentation, content_re, lazy_re, indent_re = self.parse_first_list_line(len(marker), rest)
                lst.children.append(item)
                text = self.take_item_ial(item, text)
                item_re = next_item_pattern(kind, indentation)
                nested_list_found = P.LIST_START.search(text) is not None
                last_is_blank = False
                item.value = [[text]]  # the item's texts, each kept as lines joined once (linear)
                continue
            result = src.scan(content_re) if content_re is not None else None
            if result is None and not last_is_blank and lazy_re is not None:
                result = src.scan(lazy_re)
            if result is not None and item is not None:
                result = _LINE_TABS.sub(lambda m: " " * 4 * len(m.group(1)), result, count=1)
                result, found = indent_re.subn("", result, count=1)  # type: ignore[union-attr]
                if not nested_list_found and found and P.LIST_START.search(result):
                    item.value.append([])
                    nested_list_found = True
                elif nested_list_found and not found and P.LIST_START.search(result):
                    result = " " * (indentation + 4) + result
                item.value[-1].append(result)
                last_is_blank = False
                continue
            result = src.scan(P.BLANK_LINE) if item is not None else None
            if result is not None:
                nested_list_found = True
                last_is_blank = True
                item.value[-1].append(result)  # type: ignore[union-attr]
                continue
            break

        self.tree.children.append(lst)
        last = None
        items = lst.children
        for it in items:
            temp = Element("temp")
            env = self.save_env()
            for lines in it.value:
                self.src = Scanner("".join(lines))
                self.parse_blocks(temp)
            self.restore_env(env)
            it.children = children = temp.children
            it.value = None
            if not children:
                continue
            first = children[0]
            if (first.type == "p" and len(children) >= 2 and children[1].type == "eob"
                    and first.options.get("ial") is not None):  # Ruby: an empty IAL hash is true
                del children[1]
            if first.type == "p" and (
                len(children) < 2 or children[1].type != "blank"
                or (it is items[-1] and len(children) == 2 and not eob_found)
            ) and (
                items[-1] is not it or len(items) == 1
                or any(not c.children or c.children[0].type != "p" or c.children[0].options.get("transparent")
                       for c in items[:-1])
            ):
                if len(children) > 1 and children[1].type != "blank":
                    first.children[0].value += "\n"
                first.options["transparent"] = True
            last = children.pop() if children[-1].type == "blank" else None
        if last is not None and not eob_found:
            self.tree.children.append(last)
        return True

    def parse_definition_list(self) -> bool:
        children = self.tree.children
        if (not children or (len(children) == 1 and children[-1].type != "p")
                or (len(children) >= 2 and children[-1].type != "p"
                    and (children[-1].type != "blank" or children[-1].value != "\n"
                         or children[-2].type != "p"))):
            return False
        src = self.src
        first_as_para = False
        deflist = self.new_block_el("dl")
        para = children.pop()
        if para.type == "blank":
            para = children.pop()
            first_as_para = True
        for term in para.children[0].value.split("\n"):
            dt = Element("dt")
            term = self.take_item_ial(dt, term)
            dt.options["raw_text"] = term
            dt.children.append(Element("raw_text", term))
            deflist.children.append(dt)
        deflist.options["ial"] = para.options.get("ial")

        item: Element | None = None
        content_re = lazy_re = indent_re = None
        def_start_re = P.DEFINITION_LIST_START
        last_is_blank = False
        while not src.eos():
            if src.scan(def_start_re) is not None:
                marker, rest = src.group(1) or "", src.group(2) or ""
                item = Element("dd")
                item.options["first_as_para"] = first_as_para
                text, indentation, content_re, lazy_re, indent_re = self.parse_first_list_line(len(marker), rest)
                deflist.children.append(item)
                item.value = [self.take_item_ial(item, text)]  # lines, joined once (linear)
                def_start_re = next_item_pattern("dl", indentation)
                first_as_para = last_is_blank = False
                continue
            if src.check(P.EOB_MARKER) is not None:
                break
            result = src.scan(content_re) if content_re is not None else None
            if result is None and not last_is_blank and lazy_re is not None:
                result = src.scan(lazy_re)
            if result is not None and item is not None:
                result = _LINE_TABS.sub(lambda m: " " * 4 * len(m.group(1)), result, count=1)
                result = indent_re.sub("", result, count=1)  # type: ignore[union-attr]
                item.value.append(result)
                first_as_para = last_is_blank = False
                continue
            result = src.scan(P.BLANK_LINE) if item is not None else None
            if result is not None:
                first_as_para = True
                item.value.append(result)  # type: ignore[union-attr]
                last_is_blank = True
                continue
            break

        last = None
        for it in deflist.children:
            if it.type == "dt":
                continue
            self.parse_blocks(it, "".join(it.value))
            it.value = None
            it_children = it.children
            if not it_children:
                continue
            last = it_children.pop() if it_children[-1].type == "blank" else None
            if it_children and it_children[0].type == "p" and not it.options.pop("first_as_para", False):
                if len(it_children) > 1:
                    it_children[0].children[0].value += "\n"
                it_children[0].options["transparent"] = True
        children = self.tree.children
        if children and children[-1].type == "dl":
            children[-1].children.extend(deflist.children)
        elif len(children) >= 2 and children[-1].type == "blank" and children[-2].type == "dl":
            children.pop()
            children[-1].children.extend(deflist.children)
        else:
            children.append(deflist)
        if last is not None:
            children.append(last)
        return True
