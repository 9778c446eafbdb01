"""OCaml as Rouge 3.30 lexes it."""

from __future__ import annotations

import re
from typing import Union

from ..engine import Mixin, RegexLexer, Rule, rule

KEYWORDS = frozenset("""
    as assert begin class constraint do done downto else end exception external false for
    fun function functor if in include inherit initializer lazy let module mutable new
    nonrec object of open rec sig struct then to true try type val virtual when while with
    match raise
""".split())
WORD_OPERATORS = frozenset("and asr land lor lsl lxor mod or".split())
PRIMITIVES = frozenset("unit int float bool string char list array".split())
OPERATOR = r"[;,_!$%&*+./:<=>?@^|~#-]+"
ID = r"(?i:[a-z_][\w']*)"
UPPER_ID = r"[A-Z][\w']*"
HEX = "[0-9a-fA-F]"


def ml_word(lexer: "OCamlLexer", match: "re.Match[str]") -> None:
    """A word of the ML family (Rouge's OCaml and F# lexers): by the lexer class's word lists."""
    word = match.group(0)
    if word in lexer.keywords:
        lexer.token("k")
    elif word in lexer.word_operators:
        lexer.token("ow")
    elif word in lexer.primitives:
        lexer.token("kt")
    else:
        lexer.token("n")


#: The nested ``(* *)`` comment state of Rouge's OCaml lexer, which its F# and Coq lexers repeat.
COMMENT_STATE: list[Union[Rule, Mixin]] = [
    rule(r"[^(*)]+", "c"),
    rule(r"[(][*]", "c", "comment"),
    rule(r"[*][)]", "c", "#pop"),
    rule(r"[(*)]", "c"),
]


class OCamlLexer(RegexLexer):
    keywords = KEYWORDS
    word_operators = WORD_OPERATORS
    primitives = PRIMITIVES
    states = {
        "string": [
            rule(r'[^\\"]+', "s2"),
            Mixin("escape_sequence"),
            rule(r"\\\n", "s2"),
            rule(r'"', "s2", "#pop"),
        ],
        "escape_sequence": [
            rule(r"""\\[\\"'ntbr]""", "se"),
            rule(r"\\\d{3}", "se"),
            rule(rf"\\x{HEX}{{2}}", "se"),
        ],
        "dotted": [
            rule(r"\s+", "", flags=re.S),
            rule(r"[.]", "p"),
            rule(rf"{UPPER_ID}(?=\s*[.])", "nn"),
            rule(UPPER_ID, "nc", "#pop"),
            rule(ID, "n", "#pop"),
            rule(r"[({\[]", "p", "#pop"),
        ],
        "root": [
            rule(r"\s+", "", flags=re.S),
            rule(r"false|true|[(][)]|\[\]", "bp"),
            rule(rf"{UPPER_ID}(?=\s*[.])", "nn", "dotted"),
            rule(rf"`{ID}", "nt"),
            rule(UPPER_ID, "nc"),
            rule(r"[(][*](?![)])", "c", "comment"),
            rule(ID, ml_word),
            rule(r"[(){}\[\];]+", "p"),
            rule(OPERATOR, "o"),
            rule(r"-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)", "mf", flags=re.I),
            rule(rf"0x{HEX}[0-9a-fA-F_]*", "mh", flags=re.I),
            rule(r"0o[0-7][0-7_]*", "mo", flags=re.I),
            rule(r"0b[01][01_]*", "mb", flags=re.I),
            rule(r"\d[\d_]*", "mi"),
            rule(rf"""'(?:(\\[\\"'ntbr ])|(\\[0-9]{{3}})|(\\x{HEX}{{2}}))'""", "sc"),
            rule(r"'[.]'", "sc"),
            rule(r"'", "k"),
            rule(r'"', "s2", "string"),
            rule(rf"[~?]{ID}", "nv"),
        ],
        "comment": COMMENT_STATE,
    }
