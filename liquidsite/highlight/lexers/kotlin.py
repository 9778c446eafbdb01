"""Kotlin as Rouge 3.30 lexes it."""

from __future__ import annotations

import re
from ..engine import RegexLexer, States, rule, unicode_class

KEYWORDS = """
    abstract annotation as break by catch class companion const
    constructor continue crossinline do dynamic else enum
    external false final finally for fun get if import in infix
    inline inner interface internal is lateinit noinline null
    object open operator out override package private protected
    public reified return sealed set super suspend tailrec this
    throw true try typealias typeof val var vararg when where
    while yield
""".split()

DEC_DIGITS = r"(?:([0-9][0-9_]*[0-9])|[0-9])"
EXPONENT = rf"[eE][+-]?({DEC_DIGITS})"
DOUBLE = rf"(?:(({DEC_DIGITS})?\.{DEC_DIGITS}({EXPONENT})?)|({DEC_DIGITS}{EXPONENT}))"


def _build_states() -> States:
    """Rouge's states; built on first use, as the name classes need Unicode tables."""
    inner = unicode_class("Lu Ll Lt Lm Nl Nd Pc Cf Mn Mc")[1:-1]
    name_chars = rf"[-_{inner}]*"
    upper = unicode_class("Lu")
    class_name = rf"(?:`?{upper}{name_chars}`?)"
    name = rf"(?:`?[_{unicode_class('Lu Ll Lt Lm Nl')[1:-1]}]{name_chars}`?)"
    return {
        "root": [
            rule(r"\b(companion)(\s+)(object)\b", ("k", "", "k")),
            rule(r"\b(class|data\s+class|interface|object)(\s+)", ("kd", ""), "class"),
            rule(r"\b(fun)(\s+)", ("k", ""), "function"),
            rule(r"\b(package|import)(\s+)", ("k", ""), "package"),
            rule(r"\b(val|var)(\s+)(\()", ("kd", "", "p"), "destructure"),
            rule(r"\b(val|var)(\s+)", ("kd", ""), "property"),
            rule(rf"(return|continue|break|this|super)(@{name})?\b", ("k", "nd")),
            rule(r"\bfun\b", "k"),
            rule(rf"\b(?:{'|'.join(KEYWORDS)})\b", "k"),
            rule(r"^\s*\[.*?\]", "na"),
            rule(r"[^\S\n]+", ""),
            rule(r"\\\n", ""),
            rule(r"//.*?$", "c1"),
            rule(r"/[*].*[*]/", "cm"),
            rule(r"/[*].*", "cm", "comment"),
            rule(r"\n", ""),
            rule(r"(::)(class)", ("o", "k")),
            rule(r"::|!!|\?[:.]", "o"),
            rule(r"(\.\.)", "o"),
            rule(rf"({DOUBLE}[fF]?)|({DEC_DIGITS}[fF])", "mf"),
            rule(r"0[bB]([01][01_]*[01]|[01])[uU]?L?", "mb"),
            rule(r"0[xX]([0-9a-fA-F][0-9a-fA-F_]*[0-9a-fA-F]|[0-9a-fA-F])[uU]?L?", "mh"),
            rule(r"(([1-9][0-9_]*[0-9])|[0-9])[uU]?L?", "mi"),
            rule(r"[~!%^&*()+=|\[\]:;,.<>/?-]", "p"),
            rule(r"[{}]", "p"),
            rule(r'@"(""|[^"])*"', "s", flags=re.S),
            rule(r'""".*?"""', "s", flags=re.S),
            rule(r'"(\\\\|\\"|[^"\n])*["\n]', "s", flags=re.S),
            rule(r"'\\.'|'[^\\]'", "sc"),
            rule(rf"(@{class_name})", "nd"),
            rule(rf"({class_name})(<)", ("nc", "p"), "generic_parameters"),
            rule(class_name, "nc"),
            rule(rf"({name})(?=\s*[({{])", "nf"),
            rule(rf"({name})@", "nd"),
            rule(name, "n"),
        ],
        "package": [rule(r"\S+", "nn", "#pop")],
        "class": [rule(class_name, "nc", "#pop")],
        "function": [
            rule(r"(<)", "p", "generic_parameters"),
            rule(r"(\s+)", ""),
            rule(rf"({class_name})(\.)", ("nc", "p")),
            rule(name, "nf", "#pop"),
        ],
        "generic_parameters": [
            rule(class_name, "nc"),
            rule(r"(<)", "p", "generic_parameters"),
            rule(r"(reified|out|in)", "k"),
            rule(r"([,:.?])", "p"),
            rule(r"(\s+)", ""),
            rule(r"(>)", "p", "#pop"),
        ],
        "property": [
            rule(r"(<)", "p", "generic_parameters"),
            rule(r"(\s+)", ""),
            rule(name, "py", "#pop"),
        ],
        "destructure": [
            rule(r"(,)", "p"),
            rule(r"(\))", "p", "#pop"),
            rule(r"(\s+)", ""),
            rule(name, "py"),
        ],
        "comment": [
            rule(r"/[*]", "cm", "comment"),
            rule(r"[*]/", "cm", "#pop"),
            rule(r"[^/*]+", "cm"),
            rule(r"[/*]", "cm"),
        ],
    }


class KotlinLexer(RegexLexer):
    build_states = staticmethod(_build_states)
