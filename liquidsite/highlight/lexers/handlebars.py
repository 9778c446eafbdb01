"""Handlebars and Mustache templates as Rouge 3.30 lexes them: ``{{ }}`` tags, HTML around them."""

from __future__ import annotations

import re

from ..engine import ContinuingLexer, LexerOptions, RegexLexer, rule
from .html import HTMLLexer

ID = r"[\w$-]+"


def _to_parent(lexer: "HandlebarsLexer", match: "re.Match[str]") -> None:
    lexer.delegate(lexer.parent)


def _text_to_parent(lexer: "HandlebarsLexer", match: "re.Match[str]") -> None:
    lexer.delegate(lexer.parent)
    # an unquoted HTML attribute value ends at the tag: the parent leaves its attr state
    parent = lexer.parent
    if isinstance(parent, RegexLexer) and parent.state_is("attr"):
        parent.pop()


def _block_name(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("k")
    lexer.goto("block_name")


class HandlebarsLexer(RegexLexer):
    def __init__(self) -> None:
        super().__init__()
        self.parent: ContinuingLexer = HTMLLexer()

    def configure(self, options: LexerOptions) -> None:
        from .. import template_parent

        self.parent = template_parent(options)

    states = {
        "root": [
            rule(r"\\{+", _to_parent),  # escaped braces
            rule(r"{{!--", "c", "comment"),
            rule(r"{{!.*?}}", "c"),
            rule(r"{{{?", "k", ("stache", "open_sym")),
            rule(r"(.+?)(?=\\|{{)", _text_to_parent, flags=re.S),
            rule(r".+", _to_parent, flags=re.S),
        ],
        "comment": [
            rule(r"{{", "c", "comment"),
            rule(r"}}", "c", "#pop"),
            rule(r"[^{}]+", "c"),
            rule(r"[{}]", "c"),
        ],
        "stache": [
            rule(r"}}}?", "k", "#pop"),
            rule(r"\|", "p"),
            rule(r"~", "k"),
            rule(r"\s+", ""),
            rule(r"[=]", "o"),
            rule(r"[\[\]]", "p"),
            rule(r"[\(\)]", "p"),
            rule(r"[.](?=[}\s])", "nv"),
            rule(r"[.][.]", "nv"),
            rule(r"[/.]", "p"),
            rule(r'"(\\.|.)*?"', "s2"),
            rule(r"'(\\.|.)*?'", "s1"),
            rule(r"\d+(?=}\s)", "m"),
            rule(r"(true|false)(?=[}\s])", "kc"),
            rule(r"else(?=[}\s])", "k"),
            rule(r"this(?=[}\s])", "bp"),
            rule(rf"@{ID}", "na"),
            rule(ID, "nv"),
        ],
        "open_sym": [
            rule(r"[#/]", _block_name),
            rule(r"[>^&~]", "k"),
            rule(r"", "", "#pop"),
        ],
        "block_name": [
            rule(r"if(?=[}\s])", "k"),
            rule(ID, "nn", "#pop"),
            rule(r"", "", "#pop"),
        ],
    }
