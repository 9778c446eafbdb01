"""Objective-C and Objective-C++ as Rouge 3.30 lexes them: C or C++ with literals, messages
and method definitions."""

from __future__ import annotations

import re

from ..engine import ALNUM, Mixin, RegexLexer, States, rule
from .c import C_STATES, CLexer, CppLexer

AT_KEYWORDS = frozenset("""
    selector private protected public encode synchronized try
    throw catch finally end property synthesize dynamic optional
    interface implementation import autoreleasepool
""".split())
AT_BUILTINS = frozenset("true false YES NO".split())
ID = r"(?i:[a-z$_][a-z0-9$_]*)"


def _at_word(lexer: RegexLexer, match: "re.Match[str]") -> None:
    word = match.group(1)
    lexer.token("k" if word in AT_KEYWORDS else "nb" if word in AT_BUILTINS else "err")


def _selector_part(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("nf", "", "p")
    lexer.goto("message_with_args")


def _method(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("k", match.group(1))
    lexer.token("", match.group(2))
    if match.group(3):
        lexer.delegate(type(lexer)(), match.group(3))
    lexer.token("", match.group(4))
    lexer.push("method_definition")


def _typed_argument(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.delegate(type(lexer)(), match.group(1))
    lexer.token("nv", match.group(2))


def _method_body(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.goto("function")


def with_objective_c(base: States) -> States:
    """Rouge's ObjectiveCCommon: its rules before *base*'s statements and root, its states added."""
    return {
        **base,
        "statements": [
            rule(r'@"', "s", "string"),
            rule(r"@'(\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,2}|\\.|[^\\'\n]')", "sc"),
            rule(r"@(\d+[.]\d*|[.]\d+|\d+)e[+-]?\d+l?", "mf", flags=re.I),
            rule(r"@(\d+[.]\d*|[.]\d+|\d+f)f?", "mf", flags=re.I),
            rule(r"@0x[0-9a-fA-F]+[lL]?", "mh"),
            rule(r"@0[0-7]+l?", "mo", flags=re.I),
            rule(r"@\d+l?", "mi"),
            rule(r"\bin\b", "k"),
            rule(r"@(?:interface|implementation)\b", "k", "objc_classname"),
            rule(r"@(?:class|protocol)\b", "k", "forward_classname"),
            rule(rf"@({ALNUM}+)", _at_word),
            rule(r"[?]", "p", "ternary"),
            rule(r"\[", "p", "message"),
            rule(r"@\[", "p", "array_literal"),
            rule(r"@\{", "p", "dictionary_literal"),
            *base["statements"],
        ],
        "ternary": [rule(r":", "p", "#pop"), Mixin("statements")],
        "message_shared": [
            rule(r"\]", "p", "#pop"),
            rule(r"\{", "p", "#pop"),
            rule(r";", "err"),
            Mixin("statements"),
        ],
        "message": [
            rule(rf"({ID})(\s*)(:)", _selector_part),
            rule(rf"({ID})(\s*)(\])", ("nf", "", "p"), "#pop"),
            Mixin("message_shared"),
        ],
        "message_with_args": [
            rule(r"\{", "p", "function"),
            rule(rf"({ID})(\s*)(:)", ("nf", "", "p"), "#pop"),
            Mixin("message_shared"),
        ],
        "array_literal": [rule(r"]", "p", "#pop"), rule(r",", "p"), Mixin("statements")],
        "dictionary_literal": [rule(r"}", "p", "#pop"), rule(r",", "p"), Mixin("statements")],
        "objc_classname": [
            Mixin("whitespace"),
            rule(rf"({ID})(\s*)(:)(\s*)({ID})", ("nc", "", "p", "", "nc"), "#pop"),
            rule(rf"({ID})(\s*)([(])(\s*)({ID})(\s*)([)])", ("nc", "", "p", "", "nl", "", "p"), "#pop"),
            rule(ID, "nc", "#pop"),
        ],
        "forward_classname": [
            Mixin("whitespace"),
            rule(rf"({ID})(\s*)(,)(\s*)", ("nc", "", "p", ""), "forward_classname"),
            rule(rf"({ID})(\s*)(;?)", ("nc", "", "p"), "#pop"),
        ],
        "root": [
            rule(rf"([-+])(\s*)([(].*?[)])?(\s*)(?={ID}:?)", _method, flags=re.I),
            *base["root"],
        ],
        "method_definition": [
            rule(r",", "p"),
            rule(r"[.][.][.]", "p"),
            rule(rf"([(].*?[)])({ID})", _typed_argument),
            rule(rf"({ID})(\s*)(:)", ("nf", "", "p"), flags=re.S),
            rule(r";", "p", "#pop"),
            rule(r"\{", _method_body),
            Mixin("inline_whitespace"),
            rule(r"//.*?\n", "c1"),
            rule(r"\s+", ""),
            rule(r"", "", "#pop"),
        ],
    }


class ObjectiveCLexer(CLexer):
    builtins = frozenset(("YES", "NO", "nil"))
    states = with_objective_c(C_STATES)


_OBJECTIVE_CPP = with_objective_c(CppLexer.states)


class ObjectiveCppLexer(CppLexer):
    builtins = ObjectiveCLexer.builtins
    states = {
        **_OBJECTIVE_CPP,
        "statements": [
            rule(r"(\.)(class)", ("o", "bp")),
            rule(r"(@selector)(\()(class)(\))", ("k", "p", "bp", "p")),
            *_OBJECTIVE_CPP["statements"],
        ],
    }
