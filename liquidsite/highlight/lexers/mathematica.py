"""Mathematica (Wolfram Language) as Rouge 3.30 lexes it."""

from __future__ import annotations

import re

from ..engine import RegexLexer, rule

BASE = r"(?:\d+)"
NUMBER = r"(?:\.\d+|\d+\.\d*|\d+)"
NUMBER_BASE = r"(?:\.\w+|\w+\.\w*|\w+)"
PRECISION = rf"`(`?{NUMBER})?"
STRING = r'"(\\\\|\\"|[^"])*"'
IDENTIFIER = r"[a-zA-Z$][$a-zA-Z0-9]*"
NAMED_CHARACTER = rf"\\\[{IDENTIFIER}\]"
SYMBOL = rf"({IDENTIFIER}|{NAMED_CHARACTER})+"
CONTEXT_SYMBOL = rf"`?{SYMBOL}(`{SYMBOL})*`?"
ASSOCIATION_SLOT = rf'\#({IDENTIFIER}|"{IDENTIFIER}")'
SLOT = rf"{ASSOCIATION_SLOT}|\#[0-9]*"
MESSAGE = rf"::({IDENTIFIER}|{STRING})"
IN_OUT = r"(In|Out)\[[0-9]+\]:?="
KEYWORDS = frozenset({"Module", "With", "Block"})


def _symbol(lexer: RegexLexer, match: "re.Match[str]") -> None:
    from .mathematica_builtins import BUILTINS

    word = match.group(0)
    lexer.token("bp" if word in KEYWORDS else "nb" if word in BUILTINS else "nv")


class MathematicaLexer(RegexLexer):
    states = {
        "root": [
            rule(r"\s+", "w"),
            rule(r"\(\*", "c", "comment"),
            rule(rf"{BASE}\^\^{NUMBER_BASE}(?:{PRECISION})?(\*\^[+-]?\d+)?", "m"),
            rule(rf"(?:{NUMBER}(?:{PRECISION})?(?:\*\^[+-]?\d+)?)", "m"),
            rule(MESSAGE, "nt"),
            rule(IN_OUT, "gp"),
            rule(CONTEXT_SYMBOL, _symbol, flags=re.S),
            rule(SLOT, "nf"),
            rule(r"[+\-*/|,;.:@~=><&`'^?!_%]", "o"),
            rule(r"[\[\](){}]", "p"),
            rule(STRING, "s"),
        ],
        "comment": [
            rule(r"\(\*", "c", "comment"),
            rule(r"\*\)", "c", "#pop"),
            rule(rf"::{IDENTIFIER}::", "cp"),
            rule(rf"[ ]:({IDENTIFIER}|[^\S])+:[ ]", "cp"),
            rule(r".", "c"),
        ],
    }
