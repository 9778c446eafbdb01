"""Scala as Rouge 3.30 lexes it (identifiers and operators as the Scala reference's EBNF)."""

from __future__ import annotations

import re
from typing import Union

from ..engine import RegexLexer, Rule, States, Transition, rule, unicode_class

KEYWORDS = """
    abstract case catch def do else extends final finally for forSome
    if implicit lazy match new override private protected requires return
    sealed super this throw try val var while with yield
""".split()


def _rule(pattern: str, action: Union[str, tuple], transition: Transition = None, flags: int = 0) -> Rule:
    """A rule that never needs the scan-position slice: its only lookbehind, in an
    identifier's operator suffix, looks back at characters the match itself consumed."""
    return rule(pattern, action, transition, flags=flags, scan_relative=False)


def _build_states() -> States:
    """Rouge's states; built on first use, as identifiers and operators need Unicode tables."""
    whitespace = rf"[\t\n\v\f\r\x85{unicode_class('Z')[1:-1]}]"
    # [\p{L}$_] with Python's Unicode \w less digits and other numbers: the same set over the BMP,
    # and fast to compile into the many rules that hold it.
    letter = rf"(?:(?!{unicode_class('Nl No')})(?u:[^\W\d])|\$)"
    upper = rf"[{unicode_class('Lu')[1:-1]}$_]"
    digits = r"[0-9]"
    # Rouge's (?!whitespace|letter|digit|paren|delimiter)[\u0020-\u007F\p{Sm}\p{So}] as the one
    # class it amounts to: what the lookahead leaves of ASCII, and the math and other symbols.
    op = rf"[!#%&'*+\-/:<=>?@\\^`|~\x7f{unicode_class('Sm So')[1:-1]}]"
    idrest = rf"(?:{letter}(?:{letter}|{digits})*(?:(?<=_){op}+)?)"
    name_or_op = rf"{idrest}|{op}+|`[^`]+`"
    typechunk = rf"(?:{idrest}|{op}+`[^`]+`)"
    return {
        "root": [
            _rule(r"(class|trait|object)(\s+)", ("k", ""), "class"),
            _rule(rf"'{idrest}(?!')", "ss"),
            _rule(r"[^\S\n]+", ""),
            _rule(r"//.*", "c1"),
            _rule(r"/\*", "cm", "comment"),
            _rule(rf"@{idrest}", "nd"),
            _rule(rf"(def)(\s+)({name_or_op})(\s*)", ("k", "", "nf", "")),
            _rule(rf"(val)(\s+)({name_or_op})(\s*)", ("k", "", "nv", "")),
            _rule(rf"(this)(\n*)(\.)({idrest})", ("k", "", "o", "py")),
            _rule(rf"({idrest}|_)(\n*)(\.)({idrest})", ("nv", "", "o", "py")),
            _rule(rf"{upper}{idrest}\b", "nc"),
            _rule(rf"({idrest})({whitespace}*)(\()", ("nf", "", "o")),
            _rule(rf"(\.)({idrest})", ("o", "py")),
            _rule(rf"({'|'.join(KEYWORDS)})\b|(<[%:-]|=>|>:|[#=@_\u21d2\u2190])(\b|(?=\s)|$)", "k"),
            _rule(rf":(?!{op})", "k", "type"),
            _rule(r"(true|false|null)\b", "kc"),
            _rule(r"(import|package)(\s+)", ("k", ""), "import"),
            _rule(r"(type)(\s+)", ("k", ""), "type"),
            _rule(r'""".*?"""(?!")', "s", flags=re.S),
            _rule(r'"(\\\\|\\"|[^"])*"', "s"),
            _rule(r"'\\.'|'[^\\]'|'\\u[0-9a-fA-F]{4}'", "sc"),
            _rule(idrest, "n"),
            _rule(r"`[^`]+`", "n"),
            _rule(r"\[", "o", "typeparam"),
            _rule(r"[(){};,.#]", "o"),
            _rule(rf"{op}+", "o"),
            _rule(r"([0-9][0-9]*\.[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?[fFdD]?", "mf"),
            _rule(r"([0-9][0-9]*[fFdD])", "mf"),
            _rule(r"0x[0-9a-fA-F]+", "mh"),
            _rule(r"[0-9]+L?", "mi"),
            _rule(r"\n", ""),
        ],
        "class": [
            _rule(rf"({name_or_op})(\s*)(\[)", ("nc", "", "o"), "typeparam"),
            _rule(r"\s+", ""),
            _rule(r"\{", "o", "#pop"),
            _rule(r"\(", "o", "#pop"),
            _rule(r"//.*", "c1", "#pop"),
            _rule(name_or_op, "nc", "#pop"),
        ],
        "type": [
            _rule(r"\s+", ""),
            _rule(r"<[%:]|>:|[#_\u21d2]|forSome|type", "k"),
            _rule(r"([,);}]|=>|=)(\s*)", ("o", ""), "#pop"),
            _rule(r"[({]", "o", "type"),
            _rule(rf"({typechunk}(?:\.{typechunk})*)(\s*)(\[)", ("kt", "", "o"), ("#pop", "typeparam")),
            _rule(rf"({typechunk}(?:\.{typechunk})*)(\s*)$", ("kt", ""), "#pop"),
            _rule(r"//.*", "c1", "#pop"),
            _rule(rf"\.|{name_or_op}", "kt"),
        ],
        "typeparam": [
            _rule(r"[\s,]+", ""),
            _rule(r"<[%:]|=>|>:|[#_\u21d2]|forSome|type", "k"),
            _rule(r"([\])}])", "o", "#pop"),
            _rule(r"[(\[{]", "o", "typeparam"),
            _rule(rf"\.|{name_or_op}", "kt"),
        ],
        "comment": [
            _rule(r"[^/*]+", "cm"),
            _rule(r"/\*", "cm", "comment"),
            _rule(r"\*/", "cm", "#pop"),
            _rule(r"[*/]", "cm"),
        ],
        "import": [_rule(rf"({idrest}|\.)+", "nn", "#pop")],
    }


class ScalaLexer(RegexLexer):
    build_states = staticmethod(_build_states)
