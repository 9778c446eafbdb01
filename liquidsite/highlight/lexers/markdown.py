"""Markdown as Rouge 3.30 lexes it: fenced code goes to the fence language's lexer."""

from __future__ import annotations

import re

from ..engine import ContinuingLexer, Mixin, RegexLexer, rule
from .html import HTMLLexer
from .yaml import YAMLLexer

EDOT = r"(?:\\.|[^\\\n])"


def _front_matter(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.delegate(YAMLLexer())


def _fenced(lexer: RegexLexer, match: "re.Match[str]") -> None:
    from .. import _PlainLexer, fancy_lexer_name, lexer_for, rouge_lexer_tag

    name = match.group(3).strip()
    if not name:
        sublexer: ContinuingLexer = _PlainLexer()  # Rouge guesses here; plain text is its usual answer
    else:
        name, options = fancy_lexer_name(name)
        tag = rouge_lexer_tag(name)
        sublexer = lexer_for(tag, options) if tag is not None else _PlainLexer("sb")
    lexer.token("", match.group(1))
    lexer.token("p", match.group(2))
    lexer.token("nl", match.group(3))
    if match.group(5) is not None:
        lexer.delegate(sublexer, match.group(5))
    lexer.token("", match.group(6) or "")
    if match.group(7):
        lexer.token("p", match.group(7))
        return

    def close(inner: RegexLexer, fence: "re.Match[str]") -> None:
        inner.pop()
        inner.token("", fence.group(1))
        inner.token("p", fence.group(2))

    def code_line(inner: RegexLexer, line: "re.Match[str]") -> None:
        inner.delegate(sublexer)

    lexer.push([
        rule(rf"^([ \t]*)({re.escape(match.group(2))})", close),
        rule(r"^.*\n", code_line),
    ])


def _reference(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("", "p", "ss", "p", "", "p")
    lexer.push("title")
    lexer.push("url")


def _link(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("p", "nv", "p")
    lexer.push("link")


def _to_html(lexer: "MarkdownLexer", match: "re.Match[str]") -> None:
    lexer.delegate(lexer.html)


def _reference_label(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("p", "ss", "p")
    lexer.pop()


def _inline_target(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.push("inline_title")
    lexer.push("inline_url")


def _leave(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.pop()


def _angle_url(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("nt", "sx", "nt")
    lexer.pop()


class MarkdownLexer(RegexLexer):
    def __init__(self) -> None:
        super().__init__()
        self.html = HTMLLexer()

    states = {
        "root": [
            # Rouge's \A holds at every scan position; the ^ inside never meets it.
            rule(r"(---\s*\n.*?\n?)^(---\s*$\n?)", _front_matter, flags=re.S, scan_relative=False),
            rule(r"\\.", "se"),
            rule(r"^[\S ]+\n(?:---*)\n", "gh"),
            rule(r"^[\S ]+\n(?:===*)\n", "gu"),
            rule(r"^\#(?=[^#]).*?$", "gh"),
            rule(r"^\#\#*.*?$", "gu"),
            rule(r"^([ \t]*)(`{3,}|~{3,})([^\n]*\n)((.*?)(\n\1)(\2))?", _fenced, flags=re.S),
            rule(r"\n\n((    |\t).*?\n|\n)+", "sb"),
            rule(rf"(`+)(?:{EDOT}|\n)+?\1", "sb"),
            rule(r"^(\s*[*]){3,}\s*$", "p"),
            rule(r"^(\s*[-]){3,}\s*$", "p"),
            rule(r"^\s*[*+-](?=\s)", "p"),
            rule(r"^\s*\d+\.", "p"),
            rule(r"^\s*>.*?$", "gt"),
            rule(rf"^(\s*)(\[)({EDOT}+?)(\])(\s*)(:)", _reference),
            rule(rf"(!?\[)({EDOT}*?|[^\]]*?)(\])(?=[\[(])", _link),
            rule(rf"[*][*]{EDOT}*?[*][*]", "gs"),
            rule(rf"__{EDOT}*?__", "gs"),
            rule(rf"[*]{EDOT}*?[*]", "ge"),
            rule(rf"_{EDOT}*?_", "ge"),
            rule(r"<.*?@.+[.].+>", "nv"),
            rule(rf"<(https?|mailto|ftp)://{EDOT}*?>", "nv"),
            rule(r"[^\\`\[*\n&<]+", ""),
            rule(r"&\S*;", _to_html),
            rule(rf"<{EDOT}*?>", _to_html),
            rule(r"[&<]", ""),
            rule(r"\[", ""),
            rule(r"\n", ""),
        ],
        "link": [
            rule(rf"(\[)({EDOT}*?)(\])", _reference_label),
            rule(r"[(]", _inline_target),
            rule(r"[ \t]+", ""),
            rule(r"", _leave),
        ],
        "url": [
            rule(r"[ \t]+", ""),
            rule(rf"(<)({EDOT}*?)(>)", _angle_url),
            rule(r"\S+", "sx", "#pop"),
        ],
        "title": [
            rule(rf'"{EDOT}*?"', "nn"),
            rule(rf"'{EDOT}*?'", "nn"),
            rule(rf"[(]{EDOT}*?[)]", "nn"),
            rule(r"""\s*(?=["'()])""", ""),
            rule(r"", _leave),
        ],
        "inline_title": [
            rule(r"[)]", "p", "#pop"),
            Mixin("title"),
        ],
        "inline_url": [
            rule(r"[^<\s)]+", "sx", "#pop"),
            rule(r"\s+", ""),
            Mixin("url"),
        ],
    }
