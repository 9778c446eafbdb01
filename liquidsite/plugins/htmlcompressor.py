"""htmlcompressor 0.4 (the Ruby port jekyll-minifier uses): HTML whitespace and comment removal.

``compress(html, options)`` follows ``HtmlCompressor::Compressor#compress``:
blocks that must not change (``<pre>``, ``<textarea>``, ``<script>``,
``<style>``, inline event handlers, conditional comments, ``<!-- {{{ -->``
skip blocks, user ``preserve_patterns``) are swapped for placeholders, the rest
is rewritten by the enabled rules (comments removed, runs of whitespace made one
space, spaces inside tags removed, ...), then the blocks are put back. The
regular expressions are the gem's, with Ruby's semantics: ``/m`` is Python's
DOTALL, ``\\s`` is ASCII whitespace, ``$`` is end of line.

The preserved ``<script>`` bodies go through the ``javascript_compressor``
option, a callable (jekyll-minifier gives terser, :mod:`liquidsite.terserjs`);
``<style>`` bodies would need cssminify2, which liquidsite does not have. What
is left as it is for want of a compressor is recorded in ``Compressor.skipped``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Optional

_I = re.I | re.A
_IS = re.I | re.S | re.A

CDATA_PATTERN = re.compile(r"\s*<!\[CDATA\[(.*?)\]\]>\s*", _IS)
SKIP_PATTERN = re.compile(r"<!--\s*\{\{\{\s*-->(.*?)<!--\s*\}\}\}\s*-->", _IS)
COND_COMMENT_PATTERN = re.compile(r"(<!(?:--)?\[[^\]]+?\]>)(.*?)(<!\[[^\]]+\]-->)", _IS)
COMMENT_PATTERN = re.compile(r"<!---->|<!--[^\[].*?-->", _IS)
INTERTAG_PATTERNS = (
    (re.compile(r">\s+<", _IS), "><"),
    (re.compile(r">\s+%%%~", _IS), ">%%%~"),
    (re.compile(r"~%%%\s+<", _IS), "~%%%<"),
    (re.compile(r"~%%%\s+%%%~", _IS), "~%%%%%%~"),
)
MULTISPACE_PATTERN = re.compile(r"\s+", _IS)
TAG_END_SPACE_PATTERN = re.compile(r"(<(?:[^>]+?))(?:\s+?)(/?>)", _IS)
TAG_LAST_UNQUOTED_VALUE_PATTERN = re.compile(r"=\s*[a-z0-9\-_]+$", _I | re.M)
TAG_QUOTE_PATTERN = re.compile(r"\s*=\s*([\"'])([a-z0-9\-_]+?)\1(/?)(?=[^<]*?>)", _I)
PRE_PATTERN = re.compile(r"(<pre[^>]*?>)(.*?)(</pre>)", _IS)
TA_PATTERN = re.compile(r"(<textarea[^>]*?>)(.*?)(</textarea>)", _IS)
SCRIPT_PATTERN = re.compile(r"(<script[^>]*?>)(.*?)(</script>)", _IS)
STYLE_PATTERN = re.compile(r"(<style[^>]*?>)(.*?)(</style>)", _IS)
TAG_PROPERTY_PATTERN = re.compile(r"(\s\w+)\s*=\s*(?=[^<]*?>)", _I)
DOCTYPE_PATTERN = re.compile(r"<!DOCTYPE[^>]*>", _IS)
TYPE_ATTR_PATTERN = re.compile(r"type\s*=\s*([\"']*)(.+?)\1", _IS)
JS_TYPE_ATTR_PATTERN = re.compile(r"(<script[^>]*)type\s*=\s*([\"']*)(?:text|application)/javascript\2([^>]*>)", _IS)
JS_LANG_ATTR_PATTERN = re.compile(r"(<script[^>]*)language\s*=\s*([\"']*)javascript\2([^>]*>)", _IS)
STYLE_TYPE_ATTR_PATTERN = re.compile(r"(<style[^>]*)type\s*=\s*([\"']*)text/(?:style|css)\2([^>]*>)", _IS)
LINK_TYPE_ATTR_PATTERN = re.compile(r"(<link[^>]*)type\s*=\s*([\"']*)text/(?:css|plain)\2([^>]*>)", _IS)
LINK_REL_ATTR_PATTERN = re.compile(r"<link(?:[^>]*)rel\s*=\s*([\"']*)(?:alternate\s+)?stylesheet\1(?:[^>]*)>", _IS)
FORM_METHOD_ATTR_PATTERN = re.compile(r"(<form[^>]*)method\s*=\s*([\"']*)get\2([^>]*>)", _IS)
INPUT_TYPE_ATTR_PATTERN = re.compile(r"(<input[^>]*)type\s*=\s*([\"']*)text\2([^>]*>)", _IS)
BOOLEAN_ATTR_PATTERN = re.compile(
    r"(<\w+[^>]*[\"' ])(checked|selected|disabled|readonly)\s*=\s*([\"']*)\w*\3([^>]*>)", _IS
)
EVENT_JS_PROTOCOL_PATTERN = re.compile(r"^javascript:\s*(.+)", _IS | re.M)
HTTP_PROTOCOL_PATTERN = re.compile(r"(<[^>]+?(?:href|src|cite|action)\s*=\s*['\"])http:(//[^>]+?>)", _IS)
HTTPS_PROTOCOL_PATTERN = re.compile(r"(<[^>]+?(?:href|src|cite|action)\s*=\s*['\"])https:(//[^>]+?>)", _IS)
REL_EXTERNAL_PATTERN = re.compile(r"<(?:[^>]*)rel\s*=\s*([\"']*)(?:alternate\s+)?external\1(?:[^>]*)>", _IS)
EVENT_PATTERNS = (
    re.compile(r"(\son[a-z]+\s*=\s*\")([^\"\\\r\n]*(?:\\.[^\"\\\r\n]*)*)(\")", _I),
    re.compile(r"(\son[a-z]+\s*=\s*')([^'\\\r\n]*(?:\\.[^'\\\r\n]*)*)(')", _I),
)
LINE_BREAK_PATTERN = re.compile(r"(?:[ \t]*(\r?\n)[ \t]*)+")
_BLOCK_TAGS_MIN = "html,head,body,br,p"
_BLOCK_TAGS_MAX = _BLOCK_TAGS_MIN + (
    ",h1,h2,h3,h4,h5,h6,blockquote,center,dl,fieldset,form,frame,frameset,hr,noframes,ol,table,tbody,tr,td,th,"
    "tfoot,thead,ul"
)
_RUBY_SPACE = " \t\n\v\f\r\0"

#: HtmlCompressor::Compressor::DEFAULT_OPTIONS
DEFAULT_OPTIONS: dict[str, Any] = {
    "enabled": True, "remove_comments": True, "remove_multi_spaces": True, "remove_spaces_inside_tags": True,
    "remove_intertag_spaces": False, "remove_quotes": False, "compress_javascript": False, "compress_css": False,
    "simple_doctype": False, "remove_script_attributes": False, "remove_style_attributes": False,
    "remove_link_attributes": False, "remove_form_attributes": False, "remove_input_attributes": False,
    "simple_boolean_attributes": False, "remove_javascript_protocol": False, "remove_http_protocol": False,
    "remove_https_protocol": False, "preserve_line_breaks": False, "remove_surrounding_spaces": None,
    "preserve_patterns": None, "compress_js_templates": None,
}


def _temp(kind: str, index: int) -> str:
    return f"%%%~COMPRESS~{kind}~{index}~%%%"


def _temp_pattern(kind: str) -> "re.Pattern[str]":
    return re.compile(f"%%%~COMPRESS~{kind}~(\\d+?)~%%%")


def _nonblank(text: Optional[str]) -> bool:
    return bool(text and text.strip(_RUBY_SPACE))


@dataclass
class _Blocks:
    cond: list[str] = field(default_factory=list)
    pre: list[str] = field(default_factory=list)
    textarea: list[str] = field(default_factory=list)
    script: list[str] = field(default_factory=list)
    style: list[str] = field(default_factory=list)
    event: list[str] = field(default_factory=list)
    skip: list[str] = field(default_factory=list)
    line_break: list[str] = field(default_factory=list)
    user: list[list[str]] = field(default_factory=list)


class Compressor:
    """``HtmlCompressor::Compressor`` with the given options (merged over :data:`DEFAULT_OPTIONS`)."""

    def __init__(self, options: Mapping[str, Any]) -> None:
        self.options = {**DEFAULT_OPTIONS, **options}
        templates = self.options.get("compress_js_templates")
        if templates:
            self.options["remove_quotes"] = False
            extra = [] if templates is True else (templates if isinstance(templates, list) else [templates])
            self.js_template_types = ["text/x-jquery-tmpl", *[str(t) for t in extra]]
        else:
            self.js_template_types = []
        self.skipped: set[str] = set()

    def compress(self, html: str) -> str:
        if not self.options["enabled"] or not html:
            return html
        blocks = _Blocks()
        html = self._preserve(html, blocks)
        html = self._process_html(html)
        self._process_blocks(blocks)
        return self._restore(html, blocks)

    # -- preserving ---------------------------------------------------------------------------------

    def _preserve(self, html: str, blocks: _Blocks) -> str:
        for pattern_index, pattern in enumerate(self.options.get("preserve_patterns") or []):
            found: list[str] = []

            def user(match: "re.Match[str]", found: list[str] = found, number: int = pattern_index) -> str:
                if not _nonblank(match.group(0)):
                    return ""
                found.append(match.group(0))
                return f"%%%~COMPRESS~USER{number}~{len(found) - 1}~%%%"

            html = pattern.sub(user, html)
            blocks.user.append(found)

        def skip(match: "re.Match[str]") -> str:
            if not _nonblank(match.group(1)):
                return match.group(0)
            blocks.skip.append(match.group(0))
            return _temp("SKIP", len(blocks.skip) - 1)

        html = SKIP_PATTERN.sub(skip, html)

        def conditional(match: "re.Match[str]") -> str:
            if not _nonblank(match.group(2)):
                return ""
            inner = Compressor(self.options)
            blocks.cond.append(match.group(1) + inner.compress(match.group(2)) + match.group(3))
            self.skipped |= inner.skipped
            return _temp("COND", len(blocks.cond) - 1)

        html = COND_COMMENT_PATTERN.sub(conditional, html)

        def event(match: "re.Match[str]") -> str:
            if not _nonblank(match.group(2)):
                return ""
            blocks.event.append(match.group(2))
            return match.group(1) + _temp("EVENT", len(blocks.event) - 1) + match.group(3)

        for pattern in EVENT_PATTERNS:
            html = pattern.sub(event, html)
        html = PRE_PATTERN.sub(lambda m: self._keep(m, blocks.pre, "PRE", empty=""), html)

        def script(match: "re.Match[str]") -> str:
            opening, body, closing = match.group(1), match.group(2), match.group(3)
            if not _nonblank(body):
                return match.group(0)
            typed = TYPE_ATTR_PATTERN.search(opening)
            kind = typed.group(2).lower() if typed else ""
            if kind in ("", "text/javascript", "application/javascript"):
                blocks.script.append(body)
                return opening + _temp("SCRIPT", len(blocks.script) - 1) + closing
            if kind in self.js_template_types:
                return match.group(0)
            blocks.skip.append(body)
            return opening + _temp("SKIP", len(blocks.skip) - 1) + closing

        html = SCRIPT_PATTERN.sub(script, html)
        html = STYLE_PATTERN.sub(lambda m: self._keep(m, blocks.style, "STYLE", empty=m.group(0)), html)

        def textarea(match: "re.Match[str]") -> str:
            blocks.textarea.append(match.group(2) if _nonblank(match.group(2)) else "")
            return match.group(1) + _temp("TEXTAREA", len(blocks.textarea) - 1) + match.group(3)

        html = TA_PATTERN.sub(textarea, html)
        if self.options["preserve_line_breaks"]:
            def line_break(match: "re.Match[str]") -> str:
                blocks.line_break.append(match.group(1))
                return _temp("LT", len(blocks.line_break) - 1)

            html = LINE_BREAK_PATTERN.sub(line_break, html)
        return html

    @staticmethod
    def _keep(match: "re.Match[str]", store: list[str], kind: str, empty: str) -> str:
        if not _nonblank(match.group(2)):
            return empty
        store.append(match.group(2))
        return match.group(1) + _temp(kind, len(store) - 1) + match.group(3)

    # -- the HTML rules -----------------------------------------------------------------------------

    def _process_html(self, html: str) -> str:
        options = self.options
        if options["remove_comments"]:
            html = COMMENT_PATTERN.sub("", html)
        if options["simple_doctype"]:
            html = DOCTYPE_PATTERN.sub("<!DOCTYPE html>", html)
        if options["remove_script_attributes"]:
            html = JS_TYPE_ATTR_PATTERN.sub(r"\1\3", html)
            html = JS_LANG_ATTR_PATTERN.sub(r"\1\3", html)
        if options["remove_style_attributes"]:
            html = STYLE_TYPE_ATTR_PATTERN.sub(r"\1\3", html)
        if options["remove_link_attributes"]:
            html = LINK_TYPE_ATTR_PATTERN.sub(
                lambda m: m.group(1) + m.group(3) if LINK_REL_ATTR_PATTERN.search(m.group(0)) else m.group(0), html
            )
        if options["remove_form_attributes"]:
            html = FORM_METHOD_ATTR_PATTERN.sub(r"\1\3", html)
        if options["remove_input_attributes"]:
            html = INPUT_TYPE_ATTR_PATTERN.sub(r"\1\3", html)
        if options["simple_boolean_attributes"]:
            html = BOOLEAN_ATTR_PATTERN.sub(r"\1\2\4", html)
        for enabled, pattern in (("remove_http_protocol", HTTP_PROTOCOL_PATTERN),
                                 ("remove_https_protocol", HTTPS_PROTOCOL_PATTERN)):
            if options[enabled]:
                html = pattern.sub(
                    lambda m: m.group(0) if REL_EXTERNAL_PATTERN.search(m.group(0)) else m.group(1) + m.group(2), html
                )
        if options["remove_intertag_spaces"]:
            for pattern, replacement in INTERTAG_PATTERNS:
                html = pattern.sub(replacement, html)
        if options["remove_multi_spaces"]:
            html = MULTISPACE_PATTERN.sub(" ", html)
        if options["remove_spaces_inside_tags"]:
            html = TAG_PROPERTY_PATTERN.sub(r"\1=", html)
            html = TAG_END_SPACE_PATTERN.sub(_tag_end, html)
        if options["remove_quotes"]:
            html = TAG_QUOTE_PATTERN.sub(
                lambda m: f"={m.group(2)}" if not m.group(3).strip() else f"={m.group(2)} {m.group(3)}", html
            )
        surrounding = options.get("remove_surrounding_spaces")
        if surrounding is not None:
            html = _surrounding_pattern(str(surrounding)).sub(r"\1", html)
        return html.strip(_RUBY_SPACE)

    def _process_blocks(self, blocks: _Blocks) -> None:
        if self.options["compress_javascript"] and blocks.script:
            compress = self.options.get("javascript_compressor")
            if callable(compress):
                blocks.script[:] = [self._compress_javascript(compress, block) for block in blocks.script]
            else:
                self.skipped.add("javascript")
        if self.options["compress_css"] and blocks.style:
            self.skipped.add("css")
        if self.options["remove_javascript_protocol"]:
            blocks.event[:] = [EVENT_JS_PROTOCOL_PATTERN.sub(r"\1", block, count=1) for block in blocks.event]

    def _compress_javascript(self, compress: Callable[[str], Optional[str]], source: str) -> str:
        """The gem's ``compress_javascript``: the body (inside a CDATA wrapper, if any) through the compressor,
        stripped; *compress* answers None when it cannot run, and the block stays as it is."""
        wrapped = CDATA_PATTERN.search(source)
        result = compress(wrapped.group(1) if wrapped else source)
        if result is None:
            self.skipped.add("javascript")
            return source
        result = result.strip(_RUBY_SPACE)
        return f"/*<![CDATA[*/{result}/*]]>*/" if wrapped else result

    # -- restoring ----------------------------------------------------------------------------------

    def _restore(self, html: str, blocks: _Blocks) -> str:
        def putter(store: list[str], missing: Optional[str] = "") -> Callable[["re.Match[str]"], str]:
            def put(match: "re.Match[str]") -> str:
                index = int(match.group(1))
                return store[index] if index < len(store) else (missing or "")
            return put

        html = _temp_pattern("SKIP").sub(putter(blocks.skip), html)
        if self.options["preserve_line_breaks"]:
            html = _temp_pattern("LT").sub(putter(blocks.line_break), html)
        for kind, store in (("TEXTAREA", blocks.textarea), ("STYLE", blocks.style), ("SCRIPT", blocks.script),
                            ("PRE", blocks.pre), ("EVENT", blocks.event), ("COND", blocks.cond)):
            html = _temp_pattern(kind).sub(putter(store), html)
        for number, found in enumerate(blocks.user):
            html = re.sub(f"%%%~COMPRESS~USER{number}~(\\d+?)~%%%", putter(found), html)
        return html


def _tag_end(match: "re.Match[str]") -> str:
    opening, closing = match.group(1), match.group(2)
    if closing.startswith("/") and TAG_LAST_UNQUOTED_VALUE_PATTERN.search(opening):
        return f"{opening} {closing}"
    return opening + closing


def _surrounding_pattern(tags: str) -> "re.Pattern[str]":
    lowered = tags.lower()
    if lowered == "all":
        return re.compile(r"\s*(<[^>]+>)\s*", _IS)
    names = {_BLOCK_TAGS_MIN: _BLOCK_TAGS_MIN, _BLOCK_TAGS_MAX: _BLOCK_TAGS_MAX}.get(lowered, tags)
    return re.compile(r"\s*(</?(?:" + names.replace(",", "|") + r")(?:>|[\s/][^>]*>))\s*", _IS)
