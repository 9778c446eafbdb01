"""Java as Rouge 3.30 lexes it."""

from __future__ import annotations

import re

from ..engine import ALNUM, ALPHA, WORD, Mixin, RegexLexer, case_class, rule

KEYWORDS = """
    assert break case catch continue default do else finally for if goto instanceof new
    return switch this throw try while
""".split()
DECLARATIONS = """
    abstract const enum extends final implements native private protected public static
    strictfp super synchronized throws transient volatile
""".split()
TYPES = "boolean byte char double float int long short var void".split()

# Ruby's POSIX classes are Unicode-aware.
ID = rf"(?:{ALPHA}|_){WORD}*"
DIGIT = r"(?:[0-9]_+[0-9]|[0-9])"
BIN_DIGIT = r"(?:[01]_+[01]|[01])"
OCT_DIGIT = r"(?:[0-7]_+[0-7]|[0-7])"
HEX_DIGIT = r"(?:[0-9a-f]_+[0-9a-f]|[0-9a-f])"


def _method(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.delegate(JavaLexer(), match.group(1))
    lexer.token("nf", match.group(2))
    lexer.token("", match.group(3))
    lexer.token("o", match.group(4))


class JavaLexer(RegexLexer):
    def __init__(self) -> None:
        super().__init__()
        if not self.states["names"]:  # Unicode tables are built on first use only
            upper = case_class(True)
            type(self).states = {**self.states, "names": [
                rule(rf"{upper}(?:{upper}|(?u:\d)|_)*\b", "no"),
                rule(rf"{upper}{ALNUM}*\b", "nc"),
            ]}

    states = {
        "root": [
            rule(r"[^\S\n]+", ""),
            rule(r"//.*?$", "c1"),
            rule(r"/\*.*?\*/", "cm", flags=re.S),
            rule(rf"(?:{'|'.join(KEYWORDS)})\b", "k"),
            rule(r"""
                (\s*(?:[a-zA-Z_][a-zA-Z0-9_.\[\]<>]*\s+)+?) # return arguments
                ([a-zA-Z_][a-zA-Z0-9_]*)                  # method name
                (\s*)(\()                                 # signature start
            """, _method, flags=re.S | re.X),
            rule(rf"@{ID}", "nd"),
            rule(rf"(?:{'|'.join(DECLARATIONS)})\b", "kd"),
            rule(rf"(?:{'|'.join(TYPES)})\b", "kt"),
            rule(r"(?:true|false|null)\b", "kc"),
            rule(r"(?:class|interface)\b", "kd", "class"),
            rule(r"(?:import|package)\b", "kn", "import"),
            rule(r'"(\\\\|\\"|[^"])*"', "s"),
            rule(r"'(?:\\.|[^\\]|\\u[0-9a-f]{4})'", "sc"),
            rule(rf"(\.)({ID})", ("o", "na")),
            rule(rf"{ID}:", "nl"),
            Mixin("names"),
            Mixin("rest"),
        ],
        "names": [],
        "rest": [
            rule(rf"\$?{ID}", "n"),
            rule(r"[~^*!%&\[\](){}<>|+=:;,./?-]", "o"),
            rule(rf"{DIGIT}+\.{DIGIT}+([eE]{DIGIT}+)?[fd]?", "mf"),
            rule(rf"0b{BIN_DIGIT}+", "mb", flags=re.I),
            rule(rf"0x{HEX_DIGIT}+", "mh", flags=re.I),
            rule(rf"0{OCT_DIGIT}+", "mo"),
            rule(rf"{DIGIT}+L?", "mi"),
            rule(r"\n", ""),
        ],
        "class": [
            rule(r"\s+", ""),
            rule(ID, "nc", "#pop"),
        ],
        "import": [
            rule(r"\s+", ""),
            rule(r"[a-z0-9_.]+\*?", "nn", "#pop", flags=re.I),
        ],
    }
