"""Vue single-file components as Rouge 3.30 lexes them: its HTML lexer with ``<template>``,
``<script>`` and ``<style>`` blocks and ``{{ }}`` interpolations.

Rouge delegates a template's text (and a style's) to the lexer *class* its ``lang`` names, and
a class lexes each piece afresh; the script goes to the HTML lexer's own JavaScript lexer,
whatever ``lang`` says, and each ``{{`` starts the interpolation's JavaScript lexer again.
"""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule
from .html import HTMLLexer
from .javascript import JavascriptLexer

#: Vue's lookup_lang: the languages a ``lang`` attribute may name, else plain text
_LANGS = {"html": "html", "css": "css", "javascript": "javascript", "sass": "sass", "scss": "scss",
          "coffee": "coffeescript"}


def _lookup_lang(value: str) -> str:
    return _LANGS.get(re.sub(r"[\"']*", "", value.lower()), "plaintext")


def _fresh(lexer: "VueLexer", match: "re.Match[str]") -> None:
    from .. import lexer_for

    lexer.delegate(lexer_for(lexer.lang))


def _block(lang: str, state: str):
    def callback(lexer: "VueLexer", match: "re.Match[str]") -> None:
        lexer.groups("nt", "", "k")
        lexer.lang = lang
        lexer.push(state)
        lexer.push("lang_tag")
    return callback


def _close(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("nt", "k", "nt")
    lexer.pop()


def _lang(lexer: "VueLexer", match: "re.Match[str]") -> None:
    lexer.groups("na", "", "s")
    lexer.lang = _lookup_lang(match.group(3))


def _interpolation(lexer: "VueLexer", match: "re.Match[str]") -> None:
    lexer.token("si")
    lexer.push("template_interpol")
    lexer.js = JavascriptLexer()


def _js_open(lexer: "VueLexer", match: "re.Match[str]") -> None:
    lexer.delegate(lexer.js)
    lexer.push()


def _js_close(lexer: "VueLexer", match: "re.Match[str]") -> None:
    lexer.delegate(lexer.js)
    lexer.pop()


def _js(lexer: "VueLexer", match: "re.Match[str]") -> None:
    lexer.delegate(lexer.js)


class VueLexer(HTMLLexer):
    def __init__(self) -> None:
        super().__init__()
        self.js = JavascriptLexer()
        self.lang = "html"

    states = {
        **HTMLLexer.states,
        "root": [
            rule(r"(<)(\s*)(template)", _block("html", "template")),
            rule(r"(<)(\s*)(style)", _block("css", "style")),
            rule(r"(<)(\s*)(script)", _block("javascript", "script")),
            *HTMLLexer.states["root"],
        ],
        "tag": [
            rule(r"[a-zA-Z0-9_:#\[\]()*.-]+\s*=\s*", "na", "attr"),
            *HTMLLexer.states["tag"],
        ],
        # HTML's, delegating to the lexer class ``lang`` names (Rouge's @lang) rather than its CSS lexer
        "style_content": [
            rule(r"[^<]+", _fresh),
            rule(r"<\s*/\s*style\s*>", "nt", "#pop"),
            rule(r"<", _fresh),
        ],
        "style": [
            rule(r"(<\s*\/\s*)(style)(\s*>)", _close),
            Mixin("style_content"),
            Mixin("embed"),
        ],
        "script": [
            rule(r"(<\s*\/\s*)(script)(\s*>)", _close),
            Mixin("script_content"),
            Mixin("embed"),
        ],
        "lang_tag": [
            rule(r"""(lang\s*=)(\s*)("(?:\\.|[^\\])*?"|'(\\.|[^\\])*?'|[^\s>]+)""", _lang),
            Mixin("tag"),
        ],
        "template": [
            rule(r"(<\s*/\s*)(template)(\s*>)", _close),
            rule(r"{{", _interpolation),
            Mixin("embed"),
        ],
        "template_interpol": [
            rule(r"}}", "si", "#pop"),
            rule(r"}", "err"),
            Mixin("template_interpol_inner"),
        ],
        "template_interpol_inner": [
            rule(r"{", _js_open),
            rule(r"}", _js_close),
            rule(r"[^{}]+", _js),
        ],
        "embed": [
            rule(r"[^{<]+", _fresh),
            rule(r"[<{][^<{]*", _fresh),
        ],
    }
