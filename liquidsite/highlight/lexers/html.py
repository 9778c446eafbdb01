"""HTML and XML as Rouge 3.30 lexes them; HTML hands script and style bodies on."""

from __future__ import annotations

import re

from ..engine import LETTER, WORD, Mixin, RegexLexer, rule
from .css import CSSLexer
from .javascript import JavascriptLexer

# Ruby's [\p{Word}\p{Cf}...] classes.
WORD_CF = rf"{WORD}|[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]"
TAG_NAME = rf"(?:{LETTER}|[:_-])(?:{WORD_CF}|[:.·-])*"
XML_NAME = rf"(?:{LETTER}|[:_])(?:{WORD_CF}|[:.·-])*"


def _script(lexer: "HTMLLexer", match: "re.Match[str]") -> None:
    lexer.token("nt")
    lexer.javascript = JavascriptLexer()
    lexer.push("script_content")
    lexer.push("tag")


def _style(lexer: "HTMLLexer", match: "re.Match[str]") -> None:
    lexer.token("nt")
    lexer.css = CSSLexer()
    lexer.push("style_content")
    lexer.push("tag")


def _goto(state: str, css: str):
    def callback(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.token(css)
        lexer.goto(state)
    return callback


def _goto_tag(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.goto("tag")


def _to_javascript(lexer: "HTMLLexer", match: "re.Match[str]") -> None:
    lexer.delegate(lexer.javascript)


def _to_css(lexer: "HTMLLexer", match: "re.Match[str]") -> None:
    lexer.delegate(lexer.css)


class HTMLLexer(RegexLexer):
    def __init__(self) -> None:
        super().__init__()
        self.javascript = JavascriptLexer()
        self.css = CSSLexer()

    states = {
        "root": [
            rule(r"[^<&]+", "", flags=re.S),
            rule(r"&\S*?;", "ni"),
            rule(r"<!DOCTYPE .*?>", "cp", flags=re.I | re.S),
            rule(r"<!\[CDATA\[.*?\]\]>", "cp", flags=re.S),
            rule(r"<!--", "c", "comment"),
            rule(r"<\?.*?\?>", "cp", flags=re.S),
            rule(r"<\s*script\s*", _script),
            rule(r"<\s*style\s*", _style),
            rule(r"</", "nt", "tag_end"),
            rule(r"<", "nt", "tag_start"),
        ],
        "tag_end": [
            Mixin("tag_end_end"),
            rule(TAG_NAME, _goto("tag_end_end", "nt")),
        ],
        "tag_end_end": [
            rule(r"\s+", ""),
            rule(r">", "nt", "#pop"),
        ],
        "tag_start": [
            rule(r"\s+", ""),
            rule(TAG_NAME, _goto("tag", "nt")),
            rule(r"", _goto_tag),
        ],
        "comment": [
            rule(r"[^-]+", "c"),
            rule(r"-->", "c", "#pop"),
            rule(r"-", "c"),
        ],
        "tag": [
            rule(r"\s+", ""),
            rule(rf"(?:{LETTER}|[:_\[\]()*.-])(?:{WORD_CF}|[:.·\[\]()*-])*\s*=\s*", "na", "attr"),
            rule(rf"(?:{LETTER}|[:_*#-])(?:{WORD_CF}|[:.·*#-])*", "na"),
            rule(r"/?\s*>", "nt", "#pop"),
        ],
        "attr": [
            rule(r'"', _goto("dq", "s")),
            rule(r"'", _goto("sq", "s")),
            rule(r"[^\s>]+", "s", "#pop"),
        ],
        "dq": [rule(r'"', "s", "#pop"), rule(r'[^"]+', "s")],
        "sq": [rule(r"'", "s", "#pop"), rule(r"[^']+", "s")],
        "script_content": [
            rule(r"[^<]+", _to_javascript),
            rule(r"<\s*/\s*script\s*>", "nt", "#pop"),
            rule(r"<", _to_javascript),
        ],
        "style_content": [
            rule(r"[^<]+", _to_css),
            rule(r"<\s*/\s*style\s*>", "nt", "#pop"),
            rule(r"<", _to_css),
        ],
    }


class XMLLexer(RegexLexer):
    states = {
        "root": [
            rule(r"[^<&]+", ""),
            rule(r"&\S*?;", "ni"),
            rule(r"<!\[CDATA\[.*?\]\]>", "cp"),
            rule(r"<!--", "c", "comment"),
            rule(r"<\?.*?\?>", "cp"),
            rule(r"<![^>]*>", "cp"),
            rule(rf"<\s*{XML_NAME}", "nt", "tag"),
            rule(rf"<\s*/\s*{XML_NAME}\s*>", "nt"),
        ],
        "comment": [
            rule(r"[^-]+", "c"),
            rule(r"-->", "c", "#pop"),
            rule(r"-", "c"),
        ],
        "tag": [
            rule(r"\s+", ""),
            rule(rf"{XML_NAME}\s*=", "na", "attr"),
            rule(r"/?\s*>", "nt", "#pop"),
        ],
        "attr": [
            rule(r"\s+", ""),
            rule(r""""(?:.*?)"|'.*?'|[^\s>]+""", "s", "#pop", flags=re.S),
        ],
    }
