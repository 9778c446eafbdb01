"""Graphviz DOT as Rouge 3.30 lexes it: HTML-like labels ``<...>`` go to the HTML lexer."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule
from .html import HTMLLexer


def _to_html(lexer: "DotLexer", match: "re.Match[str]") -> None:
    lexer.delegate(lexer.html)


def _open_html(lexer: "DotLexer", match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.html = HTMLLexer()  # Rouge resets the HTML lexer at each label
    lexer.push("html")


class DotLexer(RegexLexer):
    def __init__(self) -> None:
        super().__init__()
        self.html = HTMLLexer()

    states = {
        "comments_and_whitespace": [
            rule(r"\s+", ""),
            rule(r"#.*", "c1"),
            rule(r"//.*?$", "c1"),
            rule(r"/(\\\n)?[*].*?[*](\\\n)?/", "cm", flags=re.S),
        ],
        "html": [
            rule(r"[^<>]+", _to_html),
            rule(r"<.+?>", _to_html, flags=re.S),
            rule(r">", "p", "#pop"),
        ],
        "ID": [
            rule(r"([a-zA-Z][a-zA-Z_0-9]*)(\s*)(=)", ("n", "", "p")),
            rule(r"[a-zA-Z][a-zA-Z_0-9]*", "nv"),
            rule(r"([0-9]+)?\.[0-9]+", "mf"),
            rule(r"[0-9]+", "mi"),
            rule(r'"(\\"|[^"])*"', "s2"),
            rule(r"<", _open_html),
        ],
        "a_list": [
            Mixin("comments_and_whitespace"),
            Mixin("ID"),
            rule(r"[=;,]", "p"),
            rule(r"\]", "o", "#pop"),
        ],
        "root": [
            Mixin("comments_and_whitespace"),
            rule(r"\b(strict|graph|digraph|subgraph|node|edge)\b", "k", flags=re.I),
            rule(r"[{};:=]", "p"),
            rule(r"-[->]", "o"),
            rule(r"\[", "o", "a_list"),
            Mixin("ID"),
        ],
    }
