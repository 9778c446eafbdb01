"""kramdown's span parsers: emphasis, code spans, autolinks, links and images,
footnote markers, smart quotes, math, entities, typographic symbols, line breaks and
escapes. ``SPAN_PARSER_TABLE`` gives each one's start pattern, the fragment used to
find candidate positions, and its method name."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable, Optional

from ..lazy_re import lazy_pattern
from . import patterns as P
from .element import Element
from .entities import entity
from .patterns import rx
from .unicode_classes import ruby_alnum, ruby_alpha, ruby_word_at

if TYPE_CHECKING:  # pragma: no cover
    # KramdownParser, made of these mixins, would be a cyclic base: mypy sees its other parts as Any.
    _Base = Any
else:
    _Base = object

_WS = P.WHITESPACE
EMPHASIS_START = rx(r"(?:\*\*?|__?)")
CODESPAN_DELIMITER = rx(r"`+")
AUTOLINK_START = lazy_pattern(r"<((mailto|https?|ftps?):.+?|" + P.UNICODE_WORD_OR_DASH_DOT + "+?@"
                              + P.UNICODE_WORD_OR_DASH_DOT + "+?)>")
HTML_SPAN_START = rx(r"<(" + P.UNAME + r"|!--|/)")
FOOTNOTE_MARKER_START = rx(r"\[\^(" + P.ALD_ID_NAME + r")\]")
LINK_START = rx(r"!?\[(?=[^^])")
SMART_QUOTES_RE = rx(r"[^\\]?[\"']")
INLINE_MATH_START = rx(r"\$\$(.*?)\$\$", re.DOTALL)
SPAN_EXTENSIONS_START = rx(r"\{:")
TYPOGRAPHIC_SYMS = {
    "---": "mdash", "--": "ndash", "...": "hellip", "\\<<": "&lt;&lt;", "\\>>": "&gt;&gt;",
    "<< ": "laquo_space", " >>": "raquo_space", "<<": "laquo", ">>": "raquo",
}
TYPOGRAPHIC_SYMS_RE = rx("|".join(re.escape(k) for k in TYPOGRAPHIC_SYMS))
LINE_BREAK = rx(r"(  |\\\\)(?=\n)")

SPAN_PARSER_TABLE: dict[str, tuple[re.Pattern[str], str, str]] = {
    "emphasis": (EMPHASIS_START, r"\*|_", "parse_emphasis"),
    "codespan": (CODESPAN_DELIMITER, "`", "parse_codespan"),
    "autolink": (AUTOLINK_START, "<", "parse_autolink"),
    "span_html": (HTML_SPAN_START, "<", "parse_span_html"),
    "footnote_marker": (FOOTNOTE_MARKER_START, r"\[", "parse_footnote_marker"),
    "link": (LINK_START, r"!?\[", "parse_link"),
    "smart_quotes": (SMART_QUOTES_RE, r"[^\\]?[\"']", "parse_smart_quotes"),
    "inline_math": (INLINE_MATH_START, r"\$", "parse_inline_math"),
    "span_extensions": (SPAN_EXTENSIONS_START, r"\{:", "parse_span_extensions"),
    "html_entity": (P.HTML_ENTITY_RE, "&", "parse_html_entity"),
    "typographic_syms": (TYPOGRAPHIC_SYMS_RE, r"--|\.\.\.|(?:\\| )?(?:<<|>>)", "parse_typographic_syms"),
    "line_break": (LINE_BREAK, r"(  |\\)(?=\n)", "parse_line_break"),
    "escaped_chars": (P.ESCAPED_CHARS, r"\\", "parse_escaped_chars"),
}

#: for each emphasis delimiter, the pattern closing it and the doubled delimiter that does not close an em
_EMPHASIS_STOPS = {
    delim: (re.compile(re.escape(delim)), re.compile(re.escape(delim * 2) + "(?!" + re.escape(delim) + ")"))
    for delim in ("*", "**", "_", "__")
}

SQ_PUNCT = r"[!\"#$%'()*+,\-./:;<=>?@\[\\\]^_`{|}~]"
SQ_CLOSE = r"[^ \\\t\r\n\[{(-]"


def _no_boundary_after_punctuation(string: str, pos: int) -> bool:
    """Ruby's ``\\B`` after the punctuation at *pos* (``\\b`` is Unicode-aware in Ruby)."""
    return ruby_word_at(string, pos) == ruby_word_at(string, pos + 1)


def _space_or_word_s_after(string: str, pos: int) -> bool:
    """Ruby's ``(?=\\s|s\\b|$)`` at *pos*, once ``(?=\\s|s|$)`` matched: an ``s`` ends its word."""
    return string[pos:pos + 1] != "s" or not ruby_word_at(string, pos + 1)


# Smart quote rules, tried in order; each yields text groups (ints) and quote kinds. A rule whose
# Ruby regexp uses ``\\b`` or ``\\B`` has the boundary test as a function of the text and the
# position after the match (Python's ASCII ``\\b`` would differ next to non-ASCII letters).
SQ_RULES: list[tuple[re.Pattern[str], tuple[int | str, ...], Optional[Callable[[str, int], bool]]]] = [
    (rx(r"(\"|')(?=[_*]{1,2}\S)"), ("lquote1",), None),
    (rx(r"(\"|')(?=" + SQ_PUNCT + r"(?!\.\.))"), ("rquote1",), _no_boundary_after_punctuation),
    (rx(r"(\s?)\"'(?=\w)"), (1, "ldquo", "lsquo"), None),
    (rx(r"(\s?)'\"(?=\w)"), (1, "lsquo", "ldquo"), None),
    (rx(r"(\s?)'(?=\d\ds)"), (1, "rsquo"), None),
    (rx(r"(\s)('|\")(?=\w)"), (1, "lquote2"), None),
    (rx("(" + SQ_CLOSE + r")('|\")"), (1, "rquote2"), None),
    (rx(r"(\"|')(?=\s|s|$)"), ("rquote1",), _space_or_word_s_after),
    (rx(r"(.?)'", re.DOTALL), (1, "lsquo"), None),
    (rx(r"(.?)\"", re.DOTALL), (1, "ldquo"), None),
]
SQ_SUBSTS = {
    ("rquote1", '"'): "rdquo", ("rquote1", "'"): "rsquo",
    ("rquote2", '"'): "rdquo", ("rquote2", "'"): "rsquo",
    ("lquote1", '"'): "ldquo", ("lquote1", "'"): "lsquo",
    ("lquote2", '"'): "ldquo", ("lquote2", "'"): "lsquo",
}

LINK_BRACKET_STOP_RE = rx(r"(\])|!?\[")
LINK_PAREN_STOP_RE = rx(r"(\()|(\))|\s(?=['\"])")
LINK_INLINE_ID_RE = rx(r"\s*?\[([^\]]+)?\]")
LINK_INLINE_TITLE_RE = rx(r"\s*?([\"'])(.+?)\1\s*?\)", re.DOTALL)
_OPEN_PAREN = rx(r"\(")
_ANGLE_URL = rx(r"\(<(.*?)>")
_CLOSE_PAREN = rx(r"\)")
_SPACE = rx(r"\s")


class SpanParsers(_Base):
    # -- emphasis ----------------------------------------------------------------

    def parse_emphasis(self) -> None:
        src = self.src
        saved = src.pos
        result = src.scan(EMPHASIS_START) or ""
        element = "strong" if len(result) == 2 else "em"
        kind = result[0]
        before = src.string[max(0, saved - 2):saved]
        if ((kind == "_" and _ends_with_alpha_word(before)) or self.backtrack_budget < 0
                or src.check(_SPACE) is not None
                or self.tree.type == element or any(_stack_type(e) == element for e in self.stack)):
            self.add_text(result)
            return

        def sub_parse(delim: str, elem: str) -> tuple[bool, Element, re.Pattern[str]]:
            el = Element(elem)
            stop_re, double = _EMPHASIS_STOPS[delim]

            def stop_ok() -> bool:
                string, pos = src.string, src.pos
                return ((pos == 0 or string[pos - 1] not in " \t\n\r\f\v")
                        and (elem != "em" or not double.match(string, pos))
                        and (kind != "_" or not _delimiter_before_alnum(string, pos, delim))
                        and bool(el.children))

            found = self.parse_spans(el, stop_re, stop_ok=stop_ok)
            return found, el, stop_re

        found, el, stop_re = sub_parse(result, element)
        if not found:
            self.backtrack_budget -= src.pos - saved
        if not found and element == "strong" and self.tree.type != "em":
            src.pos = saved + 1
            found, el, stop_re = sub_parse(kind, "em")
            if not found:
                self.backtrack_budget -= src.pos - saved
        if found:
            src.scan(stop_re)
            self.tree.children.append(el)
        else:
            src.pos = saved + len(result)
            self.add_text(result)

    # -- code spans ----------------------------------------------------------------

    def parse_codespan(self) -> None:
        src = self.src
        start = src.pos
        result = src.scan(CODESPAN_DELIMITER) or ""
        simple = len(result) == 1
        saved = src.pos
        if simple and (start == 0 or src.string[start - 1] in " \t\n\r\f\v") and src.check(_SPACE) is not None:
            self.add_text(result)
            return
        end = src.string.find(result, saved)
        if end < 0:
            src.pos = saved
            self.add_text(result)
            return
        text = src.string[saved:end]
        src.pos = end + len(result)
        if not simple:
            if text[:1] == " ":
                text = text[1:]
            if text[-1:] == " ":
                text = text[:-1]
        self.tree.children.append(Element("codespan", text, None, {"codespan_delimiter": result}))

    # -- links -------------------------------------------------------------------

    def parse_autolink(self) -> None:
        src = self.src
        target, scheme = src.group(1) or "", src.group(2)
        src.pos += len(src.matched())
        href = target if scheme is not None else f"mailto:{target}"
        el = Element("a", None, {"href": href})
        self.add_text(target[7:] if target.startswith("mailto:") else target, el)
        self.tree.children.append(el)

    def parse_footnote_marker(self) -> None:
        src = self.src
        name = src.group(1) or ""
        matched = src.matched()
        src.pos += len(matched)
        fn_def = self.footnotes.get(name)
        if fn_def is None:
            self.add_text(matched)
            return
        if "eob" in fn_def:
            eob = fn_def.pop("eob")
            self.update_attr_with_ial(eob.attr, eob.options.get("ial") or {})
            fn_def["attr"] = eob.attr
            fn_def["options"] = eob.options
        marker = Element("footnote", fn_def["content"], fn_def["attr"], {**fn_def["options"], "name": name})
        fn_def.setdefault("marker", []).append(marker)
        self.tree.children.append(marker)

    def add_link(self, el: Element, href: Optional[str], title: Optional[str],
                 alt_text: Optional[str] = None, ial: Optional[dict[str, object]] = None) -> None:
        el.options["ial"] = ial
        if ial:
            self.update_attr_with_ial(el.attr, ial)
        if el.type == "a":
            el.attr["href"] = href  # type: ignore[assignment]
        else:
            el.attr["src"] = href  # type: ignore[assignment]
            el.attr["alt"] = alt_text  # type: ignore[assignment]
            el.children.clear()
        if title is not None:
            el.attr["title"] = title
        self.tree.children.append(el)

    def parse_link(self) -> None:
        src = self.src
        result = src.scan(LINK_START) or ""
        cur_pos = saved = src.pos
        link_type = "img" if result.startswith("!") else "a"
        if self.backtrack_budget < 0 or link_type == "a" and (self.tree.type in ("img", "a") or any(
                _stack_type(e) in ("img", "a") for e in self.stack)):
            self.add_text(result)
            return
        el = Element(link_type)
        count = 1

        def stop_ok() -> bool:
            nonlocal count
            count += -1 if src.group(1) else 1
            return count - sum(1 for c in el.children if c.type == "img") == 0

        if not self.parse_spans(el, LINK_BRACKET_STOP_RE, stop_ok=stop_ok):
            self.backtrack_budget -= src.pos - saved
            src.pos = saved
            self.add_text(result)
            return
        alt_text = P.ESCAPED_CHARS.sub(r"\1", src.string[cur_pos:src.pos])
        src.scan(LINK_BRACKET_STOP_RE)

        if src.scan(LINK_INLINE_ID_RE) is not None or src.check(_OPEN_PAREN) is None:
            link_id = self.normalize_link_id(src.group(1) or alt_text)
            link_def = self.link_defs.get(link_id)
            if link_def is not None:
                eob = link_def[2]
                self.add_link(el, link_def[0], link_def[1], alt_text, eob.options.get("ial") if eob else None)
            else:
                src.pos = saved
                self.add_text(result)
            return

        if src.scan(_ANGLE_URL) is not None:
            link_url = src.group(1) or ""
            if src.scan(_CLOSE_PAREN) is not None:
                self.add_link(el, link_url, None, alt_text)
                return
        else:
            parts: list[str] = []
            brackets = 0
            while (temp := src.scan_until(LINK_PAREN_STOP_RE)) is not None:
                parts.append(temp)
                if src.group(2):
                    brackets -= 1
                    if brackets == 0:
                        break
                elif src.group(1):
                    brackets += 1
                else:
                    break
            link_url = "".join(parts)[1:-1].strip(_WS)
            if brackets == 0:
                self.add_link(el, link_url, None, alt_text)
                return
        if src.scan(LINK_INLINE_TITLE_RE) is not None:
            self.add_link(el, link_url, src.group(2), alt_text)
        else:
            src.pos = saved
            self.add_text(result)

    # -- typography ----------------------------------------------------------------

    def parse_smart_quotes(self) -> None:
        src = self.src
        start = src.pos
        for pattern, substs, boundary_ok in SQ_RULES:  # noqa: B007 - the matching rule's substs are read after
            if src.scan(pattern) is not None:
                if boundary_ok is None or boundary_ok(src.string, src.pos):
                    break
                src.pos = start
        else:  # pragma: no cover - the last two rules always match after the start check
            self.add_text(src.getch())
            return
        for subst in substs:
            if isinstance(subst, int):
                self.add_text(src.group(subst) or "")
            else:
                index = int(subst[-1]) if subst[-1].isdigit() else 0
                value = SQ_SUBSTS.get((subst, src.group(index)), subst)
                self.tree.children.append(Element("smart_quote", value))

    def parse_typographic_syms(self) -> None:
        src = self.src
        matched = src.matched()
        src.pos += len(matched)
        value = TYPOGRAPHIC_SYMS[matched]
        if not value.startswith("&"):
            self.tree.children.append(Element("typographic_sym", value))
        else:
            name = "lt" if matched == "\\<<" else "gt"
            self.tree.children.append(Element("entity", entity(name)))
            self.tree.children.append(Element("entity", entity(name)))

    def parse_inline_math(self) -> None:
        src = self.src
        src.pos += len(src.matched())
        self.tree.children.append(Element("math", (src.group(1) or "").strip(_WS), None, {"category": "span"}))

    def parse_html_entity(self) -> None:
        src = self.src
        matched = src.matched()
        name, decimal, hexadecimal = src.group(1), src.group(2), src.group(3)
        src.pos += len(matched)
        try:
            if name is not None:
                value = entity(name)
            elif decimal is not None:
                value = entity(int(decimal))
            else:
                value = entity(int(hexadecimal or "0", 16))
        except KeyError:
            self.tree.children.append(Element("entity", entity("amp")))
            self.add_text(matched[1:])
            return
        self.tree.children.append(Element("entity", value, None, {"original": matched}))

    def parse_line_break(self) -> None:
        self.tree.children.append(Element("br"))
        self.src.pos += len(self.src.matched())

    def parse_escaped_chars(self) -> None:
        src = self.src
        src.pos += len(src.matched())
        self.add_text(src.group(1) or "")


def _stack_type(entry: object) -> Optional[str]:
    """The element type of a parser stack entry (an element or a tuple led by one)."""
    el = entry if isinstance(entry, Element) else entry[0]  # type: ignore[index]
    return el.type if el is not None else None


def _ends_with_alpha_word(text: str) -> bool:
    """Ruby's ``/[[:alpha:]]-?[[:alpha:]]*\\z/`` on the (last two) characters before an underscore."""
    if not text:
        return False
    if ruby_alpha(text[-1]):
        return True
    return text[-1] == "-" and len(text) > 1 and ruby_alpha(text[-2])


def _delimiter_before_alnum(string: str, pos: int, delim: str) -> bool:
    """Ruby's ``/#{delim}[[:alnum:]]/`` matched at *pos*: a closing ``_`` followed by a letter or digit."""
    after = pos + len(delim)
    return string.startswith(delim, pos) and after < len(string) and ruby_alnum(string[after])
