"""Awk as Rouge 3.30 lexes it.

Rouge's rule ``(?<=\\n)(?=\\s|/)`` opens with a lookbehind, which under Ruby's StringScanner
sees nothing before the scan position and so never holds: it is left out.
"""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule
from .javascript import JavascriptLexer

KEYWORDS = frozenset("""
    if else while for do break continue return next nextfile delete
    exit print printf getline
""".split())
DECLARATIONS = frozenset(("function",))
RESERVED = frozenset(("BEGIN", "END"))
CONSTANTS = frozenset("CONVFMT FS NF NR FNR FILENAME RS OFS ORS OFMT SUBSEP ARGC ARGV ENVIRON".split())
BUILTINS = frozenset("""
    exp log sqrt sin cos atan2 length rand srand int substr index match
    split sub gsub sprintf system tolower toupper
""".split())
ID = r"[$a-zA-Z_][a-zA-Z0-9_]*"


def _regex_start(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("sr")
    lexer.goto("regex")


def _ternary(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.push("ternary")
    lexer.push("expr_start")


def _identifier(lexer: RegexLexer, match: "re.Match[str]") -> None:
    word = match.group(0)
    if word in KEYWORDS:
        lexer.token("k")
        lexer.push("expr_start")
    elif word in DECLARATIONS:
        lexer.token("kd")
        lexer.push("expr_start")
    elif word in RESERVED:
        lexer.token("kr")
    elif word in CONSTANTS:
        lexer.token("kc")
    elif word in BUILTINS:
        lexer.token("nb")
    else:
        lexer.token("nv" if word.startswith("$") else "nx")


def _ternary_else(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.goto("expr_start")


class AwkLexer(RegexLexer):
    states = {
        "comments_and_whitespace": [rule(r"\s+", ""), rule(r"#.*?$", "c1")],
        "expr_start": [
            Mixin("comments_and_whitespace"),
            rule(r"/", _regex_start),
            rule(r"", "", "#pop"),
        ],
        # Rouge's Awk lexer repeats its Javascript lexer's regex states.
        "regex": JavascriptLexer.states["regex"],
        "regex_end": [rule(r"", "", "#pop")],
        "regex_group": JavascriptLexer.states["regex_group"],
        "bad_regex": [rule(r"[^\n]+", "err", "#pop")],
        "root": [
            Mixin("comments_and_whitespace"),
            rule(r"[-<>+*/%^!=]=?|in\b|\+\+|--|\|", "o", "expr_start"),
            rule(r"&&|\|\||~!?", "o", "expr_start"),
            rule(r"[(\[,]", "p", "expr_start"),
            rule(r";", "p", "statement"),
            rule(r"[)\].]", "p"),
            rule(r"[?]", _ternary),
            rule(r"[{}]", "p", "statement"),
            rule(ID, _identifier),
            rule(r"[0-9]+\.[0-9]+", "mf"),
            rule(r"[0-9]+", "mi"),
            rule(r'"(\\[\\"]|[^"])*"', "s2"),
            rule(r":", "p"),
        ],
        "statement": [rule(r"[{}]", "p"), Mixin("expr_start")],
        "ternary": [rule(r":", _ternary_else), Mixin("root")],
    }
