"""SPARQL as Rouge 3.30 lexes it."""

from __future__ import annotations

import re
from typing import Callable

from ..engine import WORD, Mixin, RegexLexer, rule

BUILTINS = frozenset("""
    ABS AVG BNODE BOUND CEIL COALESCE CONCAT CONTAINS COUNT DATATYPE DAY
    ENCODE_FOR_URI FLOOR GROUP_CONCAT HOURS IF IRI isBLANK isIRI
    isLITERAL isNUMERIC isURI LANG LANGMATCHES LCASE MAX MD5 MIN MINUTES
    MONTH NOW RAND REGEX REPLACE ROUND SAMETERM SAMPLE SECONDS SEPARATOR
    SHA1 SHA256 SHA384 SHA512 STR STRAFTER STRBEFORE STRDT STRENDS
    STRLANG STRLEN STRSTARTS STRUUID SUBSTR SUM TIMEZONE TZ UCASE URI
    UUID YEAR
""".split())
KEYWORDS = frozenset("""
    ADD ALL AS ASC ASK BASE BIND BINDINGS BY CLEAR CONSTRUCT COPY CREATE
    DATA DEFAULT DELETE DESC DESCRIBE DISTINCT DROP EXISTS FILTER FROM
    GRAPH GROUP BY HAVING IN INSERT LIMIT LOAD MINUS MOVE NAMED NOT
    OFFSET OPTIONAL ORDER PREFIX SELECT REDUCED SERVICE SILENT TO UNDEF
    UNION USING VALUES WHERE WITH
""".split())


def _prefixed_name(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("nn", "o", "ss")


def _word(lexer: RegexLexer, match: "re.Match[str]") -> None:
    word = match.group(0).upper()
    lexer.token("nb" if word in BUILTINS else "k" if word in KEYWORDS else "err")


def _string_end(css: str) -> Callable[[RegexLexer, "re.Match[str]"], None]:
    def action(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.token(css)
        lexer.goto("string_end")
    return action


class SPARQLLexer(RegexLexer):
    states = {
        "root": [
            rule(r"\s+", "w"),
            rule(r"#.*", "c1"),
            rule(r'"""', "s2", "string_double_literal"),
            rule(r'"', "s2", "string_double"),
            rule(r"'''", "s1", "string_single_literal"),
            rule(r"'", "s1", "string_single"),
            rule(rf"[$?]{WORD}+", "nv"),
            rule(rf"((?:{WORD}|-)*)(:)((?:{WORD}|-)+)?", _prefixed_name),
            rule(r"<[^>]*>", "nn"),
            rule(r"true|false", "kc", flags=re.I),
            rule(r"a\b", "k"),
            rule(rf"[A-Z]{WORD}+\b", _word, flags=re.I),
            rule(r"[+\-]?(?:\d+\.\d*|\.\d+)(?:[e][+\-]?[0-9]+)?", "mf", flags=re.I),
            rule(r"[+\-]?\d+", "mi"),
            rule(r"[\][(){}.,;=]", "p"),
            rule(r"[/?*+=!<>]|&&|\|\||\^\^", "o"),
        ],
        "string_double_common": [Mixin("string_escapes"), rule(r"\\", "s2"), rule(r'[^"\\]+', "s2")],
        "string_double": [rule(r'"', _string_end("s2")), Mixin("string_double_common")],
        "string_double_literal": [
            rule(r'"""', _string_end("s2")),
            rule(r'"', "s2"),
            Mixin("string_double_common"),
        ],
        "string_single_common": [Mixin("string_escapes"), rule(r"\\", "s1"), rule(r"[^'\\]+", "s1")],
        "string_single": [rule(r"'", _string_end("s1")), Mixin("string_single_common")],
        "string_single_literal": [
            rule(r"'''", _string_end("s1")),
            rule(r"'", "s1"),
            Mixin("string_single_common"),
        ],
        "string_escapes": [
            rule(r"""\\[tbnrf"'\\]""", "se"),
            rule(r"\\u[0-9a-fA-F]{4}", "se"),
            rule(r"\\U[0-9a-fA-F]{8}", "se"),
        ],
        "string_end": [
            rule(r"(@)([a-zA-Z]+(?:-[a-zA-Z0-9]+)*)", ("o", "py")),
            rule(r"\^\^", "o"),
            rule(r"", "", "#pop"),
        ],
    }
