"""R as Rouge 3.30 lexes it."""

from __future__ import annotations

import re

from ..engine import ALNUM, ALPHA, RegexLexer, rule

KEYWORDS = frozenset("if else for while repeat in next break function".split())
KEYWORD_CONSTANTS = frozenset("""
    NULL Inf TRUE FALSE NaN NA NA_integer_ NA_real_ NA_complex_ NA_character_
""".split())
BUILTIN_CONSTANTS = frozenset("LETTERS letters month.abb month.name pi T F".split())
PRIMITIVE_FUNCTIONS = r"""
    abs acos acosh all any anyNA Arg as.call as.character as.complex as.double
    as.environment as.integer as.logical as.null.default as.numeric as.raw asin asinh atan
    atanh attr attributes baseenv browser c call ceiling class Conj cos cosh cospi cummax
    cummin cumprod cumsum digamma dim dimnames emptyenv exp expression floor forceAndCall
    gamma gc.time globalenv Im interactive invisible is.array is.atomic is.call
    is.character is.complex is.double is.environment is.expression is.finite is.function
    is.infinite is.integer is.language is.list is.logical is.matrix is.na is.name is.nan
    is.null is.numeric is.object is.pairlist is.raw is.recursive is.single is.symbol
    lazyLoadDBfetch length lgamma list log max min missing Mod names nargs nzchar oldClass
    on.exit pos.to.env proc.time prod quote range Re rep retracemem return round
    seq_along seq_len seq.int sign signif sin sinh sinpi sqrt standardGeneric substitute
    sum switch tan tanh tanpi tracemem trigamma trunc unclass untracemem UseMethod xtfrm
""".split()

# Ruby's [[:alpha:]] and [[:alnum:]] are Unicode-aware.


def _name(lexer: RegexLexer, match: "re.Match[str]") -> None:
    word = match.group(0)
    if word in KEYWORDS:
        lexer.token("k")
    elif word in KEYWORD_CONSTANTS:
        lexer.token("kc")
    elif word in BUILTIN_CONSTANTS:
        lexer.token("nb")
    else:
        lexer.token("n")


class RLexer(RegexLexer):
    states = {
        "root": [
            rule(r"#'.*?$", "cd"),
            rule(r"#.*?$", "c1"),
            rule(r"\s+", "w"),
            rule(r"`[^`]+?`", "n"),
            rule(r"'(\\.|.)*?'", "s1", flags=re.S),
            rule(r'"(\\.|.)*?"', "s2", flags=re.S),
            rule(r"%[^%]*?%", "o"),
            rule(r"0[xX][a-fA-F0-9]+([pP][0-9]+)?[Li]?", "mh"),
            rule(r"[+-]?(\d+([.]\d+)?|[.]\d+)([eE][+-]?\d+)?[Li]?", "m"),
            # Rouge's (?<!.) never sees the text before the scan position.
            rule(r"\b(" + "|".join(PRIMITIVE_FUNCTIONS) + r")(?=\()", "nf"),
            rule(rf"(?:(?:{ALPHA}|[.](?:[._]|{ALPHA}))(?:[._]|{ALNUM})*)|[.]", _name),
            rule(r"[\[\]{}();,]", "p"),
            rule(r"[-<>?*+^/!=~$@:%&|]", "o"),
        ],
    }
