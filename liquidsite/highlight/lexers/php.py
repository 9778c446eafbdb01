"""PHP as Rouge 3.30 lexes it: HTML around ``<?php ... ?>``, or PHP from the start.

Without its ``start_inline`` option Rouge guesses: text that opens with ``<`` or holds a
``<?php``/``<?=`` tag is HTML up to the tag, anything else is PHP from the first character.
The ``start_inline``, ``funcnamehighlighting`` and ``parent`` options are Rouge's;
``disabledmodules`` is not supported (every builtin module stays highlighted).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..engine import (ContinuingLexer, LexerOptions, Mixin, RegexLexer, States, bool_option, case_class, rule,
                      unicode_class)
from ..ruby_classes import Present, differing_in, ruby_class
from .html import HTMLLexer
from .php_builtins import BUILTINS

KEYWORDS = frozenset("""
    old_function cfunction
    __class__ __dir__ __file__ __function__ __halt_compiler __line__
    __method__ __namespace__ __trait__ abstract and array as break case
    catch clone continue declare default die do echo else elseif empty
    enddeclare endfor endforeach endif endswitch endwhile eval exit
    extends final finally fn for foreach global goto if implements
    include include_once instanceof insteadof isset list match new or
    parent print private protected public readonly require require_once
    return self static switch throw try unset var while xor yield
""".split())


def _to_html(lexer: "PHPLexer", match: "re.Match[str]") -> None:
    lexer.delegate(lexer.html)


def _html_then_php(lexer: "PHPLexer", match: "re.Match[str]") -> None:
    lexer.delegate(lexer.html)
    lexer.pop()


def _inline(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.goto("php")


def _close(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("cp")
    lexer.reset_stack()



def _call(lexer: "PHPLexer", match: "re.Match[str]") -> None:
    name = match.group(0).lower()
    lexer.token("k" if name in KEYWORDS else "nb" if name in lexer.builtins else "nf")


_NAME_STATES = {"use": ("kn", "in_use"), "const": ("k", "in_const"), "catch": ("k", "in_catch"),
                "public": ("k", "in_visibility"), "protected": ("k", "in_visibility"),
                "private": ("k", "in_visibility")}


def _name(lexer: "PHPLexer", match: "re.Match[str]") -> None:
    text = match.group(0)
    name = text.lower()
    if name in _NAME_STATES:
        css, state = _NAME_STATES[name]
        lexer.push(state)
        lexer.token(css)
    elif text == "stdClass":
        lexer.token("nc")
    elif name in KEYWORDS:
        lexer.token("k")
    elif re.match(r"__.*?__$", text):
        lexer.token("nb")
    else:
        lexer.token(lexer.name_class(text))


def _function(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.push("in_function_return")
    lexer.push("in_function_params")
    lexer.push("in_function_name")
    lexer.token("k")


def _function_body(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.goto("in_function_body")


def _anonymous_class(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("kd")
    lexer.goto("in_new_class")


def _build_states() -> States:
    """Rouge's states; built on first use, as the identifier classes need Unicode tables."""
    # Ruby's [\p{L}_][\p{L}\p{N}_]*, written with Python's Unicode \w (letters, numbers and _,
    # the same set over the BMP) so that the many rules holding it compile fast.
    ident = rf"(?:(?!{unicode_class('Nl No')})(?u:[^\W\d])(?u:\w)*)"
    ns = rf"(?:{ident}\\)+"
    ident_ns = rf"(?:{ns})?{ident}"
    return {
        "root": [
            rule(r"<\?(php|=)?", "cp", "php", flags=re.I),
            rule(r".*?(?=<\?)|.*", _to_html, flags=re.S),
        ],
        "start": [
            rule(r"\s*(?=<)", _html_then_php),
            rule(r"[^$]+(?=<\?(php|=))", _html_then_php, flags=re.I),
            rule(r"", _inline),
        ],
        "escape": [rule(r"\?>", _close)],
        "return": [rule(r"", "", "#pop")],
        "names": [
            rule(rf"{ident_ns}(?=\s*\()", _call),
            rule(ident_ns, _name),
        ],
        "operators": [rule(r"[~!%^&*+|:.<>/@-]+", "o")],
        "string": [
            rule(r'"', "s2", "#pop"),
            rule(r'[^\\{$"]+', "s2"),
            rule(r"\\u\{[0-9a-fA-F]+\}", "se"),
            rule(r'\\([efrntv"$\\]|[0-7]{1,3}|[xX][0-9a-fA-F]{1,2})', "se"),
            rule(rf"\${ident}(\[\S+\]|->{ident})?", "nv"),
            rule(r"\{\$\{", "si", "string_interp_double"),
            rule(r"\{(?=\$)", "si", "string_interp_single"),
            rule(r"(\{)(\S+)(\})", ("si", "nv", "si")),
            rule(r"[${\\]+", "s2"),
        ],
        "string_interp_double": [rule(r"\}\}", "si", "#pop"), Mixin("php")],
        "string_interp_single": [rule(r"\}", "si", "#pop"), Mixin("php")],
        "values": [
            rule(rf"<<<([\"']?)({ident})\1\n.*?\n\s*\2;?", "sh", flags=re.I | re.S),
            rule(r"(\d[_\d]*)?\.(\d[_\d]*)?(e[+-]?\d[_\d]*)?", "mf", flags=re.I),
            rule(r"0[0-7][0-7_]*", "mo"),
            rule(r"0b[01][01_]*", "mb", flags=re.I),
            rule(r"0x[a-f0-9][a-f0-9_]*", "mh", flags=re.I),
            rule(r"\d[_\d]*", "mi"),
            rule(r"'([^'\\]*(?:\\.[^'\\]*)*)'", "s1"),
            rule(r"`([^`\\]*(?:\\.[^`\\]*)*)`", "sb"),
            rule(r'"', "s2", "string"),
            rule(r"(function|fn)\b", _function, flags=re.I),
            rule(r"(true|false|null)\b", "kc", flags=re.I),
            rule(r"new\b", "k", "in_new", flags=re.I),
        ],
        "variables": [
            rule(rf"\$\{{\$+{ident}\}}", "nv"),
            rule(rf"\$+{ident}", "nv"),
        ],
        "whitespace": [
            rule(r"\s+", ""),
            rule(r"#.*?$", "c1"),
            rule(r"//.*?$", "c1"),
            rule(r"/\*\*(?!/).*?\*/", "cd", flags=re.S),
            rule(r"/\*.*?\*/", "cm", flags=re.S),
        ],
        "php": [
            Mixin("escape"), Mixin("whitespace"), Mixin("variables"), Mixin("values"),
            rule(rf"(namespace)(\s+)({ident_ns})", ("kn", "", "nn"), flags=re.I),
            rule(rf"(class|interface|trait|extends|implements)(\s+)({ident_ns})", ("kd", "", "nc"), flags=re.I),
            Mixin("names"),
            rule(r"[;,(){}\[\]]", "p"),
            Mixin("operators"),
            rule(r"[=?]", "o"),
        ],
        "in_assign": [
            rule(r",", "p", "#pop"),
            rule(r"[\[\]]", "p"),
            rule(r"\(", "p", "in_assign_function"),
            Mixin("escape"), Mixin("whitespace"), Mixin("values"), Mixin("variables"), Mixin("names"),
            Mixin("operators"), Mixin("return"),
        ],
        "in_assign_function": [rule(r"\)", "p", "#pop"), rule(r",", "p"), Mixin("in_assign")],
        "in_catch": [
            rule(r"\(", "p"), rule(r"\|", "o"), rule(ident, "nc"),
            Mixin("escape"), Mixin("whitespace"), Mixin("return"),
        ],
        "in_const": [
            rule(ident, "no"), rule(r"=", "o", "in_assign"),
            Mixin("escape"), Mixin("whitespace"), Mixin("return"),
        ],
        "in_function_body": [rule(r"\{", "p", "in_function_body"), rule(r"\}", "p", "#pop"), Mixin("php")],
        "in_function_name": [
            rule(r"&", "o"), rule(ident, "n"), rule(r"\(", "p", "#pop"),
            Mixin("escape"), Mixin("whitespace"), Mixin("return"),
        ],
        "in_function_params": [
            rule(r"\)", "p", "#pop"),
            rule(r",", "p"),
            rule(r"[.]{3}", "p"),
            rule(r"=", "o", "in_assign"),
            rule(r"\b(?:public|protected|private|readonly)\b", "k", flags=re.I),
            rule(rf"\??{ident}", "kt", "in_assign"),
            Mixin("escape"), Mixin("whitespace"), Mixin("variables"), Mixin("return"),
        ],
        "in_function_return": [
            rule(r":", "p"),
            rule(r"use\b", "k", "in_function_use", flags=re.I),
            rule(rf"\??{ident}", "kt", "in_assign"),
            rule(r"\{", _function_body),
            Mixin("escape"), Mixin("whitespace"), Mixin("return"),
        ],
        "in_function_use": [
            rule(r"[,(]", "p"), rule(r"&", "o"), rule(r"\)", "p", "#pop"),
            Mixin("escape"), Mixin("whitespace"), Mixin("variables"), Mixin("return"),
        ],
        "in_new": [
            rule(r"class\b", _anonymous_class, flags=re.I),
            rule(ident_ns, "nc", "#pop"),
            Mixin("escape"), Mixin("whitespace"), Mixin("return"),
        ],
        "in_new_class": [rule(r"\}", "p", "#pop"), rule(r"\{", "p"), Mixin("php")],
        "in_use": [
            rule(r"[,}]", "p"),
            rule(r"(function|const)\b", "k", flags=re.I),
            rule(rf"({ns})(\{{)", ("nn", "p")),
            rule(rf"{ident_ns}(_{ident})+", "nf"),
            Mixin("escape"), Mixin("whitespace"), Mixin("names"), Mixin("return"),
        ],
        "in_visibility": [
            rule(r"\b(?:readonly|static)\b", "k", flags=re.I),
            rule(r"(?=(abstract|const|function)\b)", "k", "#pop", flags=re.I),
            rule(rf"\??{ident}", "kt", "#pop"),
            Mixin("escape"), Mixin("whitespace"), Mixin("return"),
        ],
    }


@lru_cache(maxsize=None)
def _name_shapes(present: Present) -> tuple["re.Pattern[str]", ...]:
    """E_ALL-like keyword constants, CONSTANTS and Classes, as Rouge tells them by shape, for names
    whose characters Ruby's and Python's classes see apart are *present*."""
    upper = case_class(True)
    return (
        re.compile(rf"(E|PHP)(_{upper}+)+$"),
        re.compile(rf"(?:\\|^){upper}(?:{upper}|(?u:\d)|_)+$"),
        re.compile(rf"(?:\\|^){upper}{ruby_class('ALNUM', present)}*?$"),
    )


class PHPLexer(RegexLexer):
    build_states = staticmethod(_build_states)

    def __init__(self) -> None:
        super().__init__()
        self.html: ContinuingLexer = HTMLLexer()
        self.builtins = BUILTINS
        self.push("start")

    def configure(self, options: LexerOptions) -> None:
        from .. import template_parent

        self.html = template_parent(options)
        if "funcnamehighlighting" in options and not bool_option(options, "funcnamehighlighting"):
            self.builtins = frozenset()
        if "start_inline" in options:
            self.reset_stack()
            if bool_option(options, "start_inline"):
                self.push("php")

    @staticmethod
    def name_class(text: str) -> str:
        """Rouge's class for a name by its shape: E_ALL, CONSTANT, Class or plain name."""
        keyword_constant, constant, class_name = _name_shapes(differing_in(text))
        if keyword_constant.match(text):
            return "kc"
        if constant.search(text):
            return "no"
        if class_name.search(text):
            return "nc"
        return "n"
