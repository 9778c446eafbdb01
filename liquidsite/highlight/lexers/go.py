"""Go as Rouge 3.30 lexes it (a flat table built from the language spec's lexical rules)."""

from __future__ import annotations

import re

from ..engine import ALPHA, Mixin, RegexLexer, rule

# Each piece keeps its own flags where Rouge interpolates one Regexp into another.
LETTER = rf"(?:{ALPHA}|_)"
UNICODE_DIGIT = r"(?u:\d)"
HEX_DIGIT = "[0-9A-Fa-f]"
COMMENT = r"(?://(?:(?!\n).)*|(?s:/\*(?:(?!\*/).)*\*/))"
KEYWORD = r"""(?x:\b(?:
    break | default | func | interface | select | case | defer | go | map | struct | chan
    | else | goto | package | switch | const | fallthrough | if | range | type | continue
    | for | import | return | var
)\b)"""
IDENTIFIER = rf"(?!{KEYWORD}){LETTER}(?:{LETTER}|{UNICODE_DIGIT})*"
OPERATOR = r"""(?x:
    \+= | \+\+ | \+ | &\^= | &\^ | &= | && | & | == | = | != | ! | -= | -- | - | \|= | \|\|
    | \| | <= | <- | <<= | << | < | \*= | \* | \^= | \^ | >>= | >> | >= | > | / | /= | :=
    | % | %= | \.\.\. | \. | :
)"""
SEPARATOR = r"[()\[\]{},;]"
DECIMALS = "[0-9]+"
EXPONENT = rf"[eE][+\-]?{DECIMALS}"
FLOAT_LIT = rf"(?:{DECIMALS}\.(?:{DECIMALS})?(?:{EXPONENT})?|{DECIMALS}{EXPONENT}|\.{DECIMALS}(?:{EXPONENT})?)"
INT_LIT = rf"(?:0[xX]{HEX_DIGIT}+|[0-9][0-9]*|0[0-7]*)"
IMAGINARY_LIT = rf"(?:{DECIMALS}|{FLOAT_LIT})i"
ESCAPED_CHAR = r"""\\[abfnrtv\\'"]"""
LITTLE_U = rf"\\u{HEX_DIGIT}{{4}}"
BIG_U = rf"\\U{HEX_DIGIT}{{8}}"
UNICODE_VALUE = rf"(?:[^\n]|{LITTLE_U}|{BIG_U}|{ESCAPED_CHAR})"
BYTE_VALUE = rf"(?:\\[0-7]{{3}}|\\x{HEX_DIGIT}{{2}})"
CHAR_LIT = rf"'(?:{UNICODE_VALUE}|{BYTE_VALUE})'"
ESCAPE_SEQUENCE = rf"(?:{ESCAPED_CHAR}|{LITTLE_U}|{BIG_U}|\\x{HEX_DIGIT}{{2}})"
PREDECLARED_TYPES = r"""(?x:\b(?:
    bool | byte | complex64 | complex128 | error | float32 | float64 | int8 | int16 | int32
    | int64 | int | rune | string | uint8 | uint16 | uint32 | uint64 | uintptr | uint
)\b)"""
PREDECLARED_CONSTANTS = r"\b(?:true|false|iota|nil)\b"
PREDECLARED_FUNCTIONS = r"""(?x:\b(?:
    append | cap | close | complex | copy | delete | imag | len | make | new | panic
    | print | println | real | recover
)\b)"""


class GoLexer(RegexLexer):
    states = {
        "simple_tokens": [
            rule(COMMENT, "c"),
            rule(KEYWORD, "k"),
            rule(PREDECLARED_TYPES, "kt"),
            rule(PREDECLARED_FUNCTIONS, "nb"),
            rule(PREDECLARED_CONSTANTS, "no"),
            rule(IMAGINARY_LIT, "m"),
            rule(FLOAT_LIT, "m"),
            rule(INT_LIT, "m"),
            rule(CHAR_LIT, "sc"),
            rule(OPERATOR, "o"),
            rule(SEPARATOR, "p"),
            rule(IDENTIFIER, "n"),
            rule(r"\s+", ""),
        ],
        "root": [
            Mixin("simple_tokens"),
            rule(r"`", "s", "raw_string"),
            rule(r'"', "s", "interpreted_string"),
        ],
        "interpreted_string": [
            rule(ESCAPE_SEQUENCE, "se"),
            rule(r"\\.", "err"),
            rule(r'"', "s", "#pop"),
            rule(r'[^"\\]+', "s"),
        ],
        "raw_string": [
            rule(r"`", "s", "#pop"),
            rule(r"[^`]+", "s", flags=re.S),
        ],
    }
