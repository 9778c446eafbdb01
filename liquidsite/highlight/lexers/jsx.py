"""Rouge's JSX and TSX lexers: JavaScript (TypeScript) where an expression may be an element.

Apart from :mod:`.javascript` because elements delegate their text to the HTML
lexer, which itself imports the JavaScript lexer for ``<script>``.
"""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, States, rule
from .html import HTMLLexer
from .javascript import JavascriptLexer, TypescriptLexer, _goto, _leave


def _open_tag(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.push("tag_opening")
    lexer.push("element")
    lexer.push("element_name")


def _closing_tag(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.goto("element")
    lexer.push("element_name")


def _interpolation(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("si")
    lexer.push("interpol")
    lexer.push("expr_start")


def _text_to_html(lexer: "JSXLexer", match: "re.Match[str]") -> None:
    lexer.delegate(lexer.html)


def _self_closing(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.pop(2)


def _inner_brace(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.push("interpol_inner")
    lexer.push("statement")


JSX_STATES: States = {
    "expr_start": [Mixin("tag"), *JavascriptLexer.states["expr_start"]],
    "tag": [rule(r"<", _open_tag)],
    "tag_opening": [
        rule(r"</", _closing_tag),
        Mixin("tag"),
        rule(r"\{", _interpolation),
        rule(r"[^<{]+", _text_to_html),
    ],
    "element": [
        Mixin("comments_and_whitespace"),
        rule(r"/>", _self_closing),
        rule(r">", "p", "#pop"),
        rule(r"\{", _interpolation),
        rule(r"\w[\w-]*", "na"),
        rule(r"=", "p"),
        rule(r"""(["']).*?(\1)""", "s"),
    ],
    "element_name": [
        rule(r"[A-Z]\w*", "nc"),
        rule(r"\w+", "nt"),
        rule(r"\.", "p"),
        rule(r"", _leave),
    ],
    "interpol": [
        rule(r"\}", "si", "#pop"),
        rule(r"\{", _inner_brace),
        Mixin("root"),
    ],
    "interpol_inner": [
        rule(r"\}", _goto("statement", "p")),
        Mixin("root"),
    ],
}


class JSXLexer(JavascriptLexer):
    """JSX: JavaScript where an expression may be an HTML-like element."""

    def __init__(self) -> None:
        super().__init__()
        self.html = HTMLLexer()
        self.push("expr_start")

    states = {**JavascriptLexer.states, **JSX_STATES}


def _type_argument(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("nx", "p")
    lexer.pop(3)


class TSXLexer(JSXLexer):
    """TSX: JSX with TypeScript's words and rules."""

    keywords = TypescriptLexer.keywords
    declarations = TypescriptLexer.declarations
    reserved = TypescriptLexer.reserved
    builtins = TypescriptLexer.builtins
    states = {
        **JSXLexer.states,
        "root": TypescriptLexer.states["root"],
        "statement": TypescriptLexer.states["statement"],
        "element_name": [rule(r"(\w+)(,)", _type_argument), *JSX_STATES["element_name"]],
    }
