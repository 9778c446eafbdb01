"""Dart as Rouge 3.30 lexes it."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule

KEYWORDS = """
    as assert await break case catch continue default do else finally for
    if in is new rethrow return super switch this throw try while with yield
""".split()
DECLARATIONS = """
    abstract async dynamic const covariant external extends factory final get
    implements late native on operator required set static sync typedef var
""".split()
TYPES = """
    bool Comparable double Dynamic enum Function int List Map Never Null num Object Pattern Set String Symbol
    Type Uri void
""".split()
IMPORTS = r"import deferred export library part\s*of part source".split()
ID = r"(?:[a-zA-Z_]\w*)"


def _method(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.delegate(DartLexer(), match.group(1))
    lexer.token("nf", match.group(2))
    lexer.token("", match.group(3))
    lexer.token("p", match.group(4))


class DartLexer(RegexLexer):
    states = {
        "root": [
            rule(r"""^
                (\s*(?:[a-zA-Z_][a-zA-Z\d_.\[\]]*\s+)+?) # return arguments
                ([a-zA-Z_]\w*)                           # method name
                (\s*)(\()                                # signature start
            """, _method, flags=re.S | re.X),
            rule(r"\s+", ""),
            rule(r"//.*?$", "c1"),
            rule(r"/\*.*?\*/", "cm", flags=re.S),
            rule(r'"', "s", "dqs"),
            rule(r"'", "s", "sqs"),
            rule(r'r"[^"]*"', "sx"),
            rule(r"r'[^']*'", "sx"),
            rule(rf"#{ID}*", "ss"),  # Rouge interpolates `id` as a Regexp: `/i` stops at it
            rule(rf"@{ID}", "nd"),
            rule(rf"(?:{'|'.join(KEYWORDS)})\b", "k"),
            rule(rf"(?:{'|'.join(DECLARATIONS)})\b", "kd"),
            rule(rf"(?:{'|'.join(TYPES)})\b", "kt"),
            rule(r"(?:true|false|null)\b", "kc"),
            rule(r"(?:class|interface|mixin)\b", "kd", "class"),
            rule(rf"(?:{'|'.join(IMPORTS)})\b", "kn", "import"),
            rule(rf"(\.)({ID})", ("o", "na")),
            rule(rf"{ID}:", "nl"),
            rule(rf"\$?{ID}", "n"),
            rule(r"[~^*!%&|+=:/?-]", "o"),
            rule(r"[\[\](){}<>.,;]", "p"),
            rule(r"\d*\.\d+([eE]-?\d+)?", "mf"),
            rule(r"0x[\da-fA-F]+", "mh"),
            rule(r"\d+L?", "mi"),
            rule(r"\n", ""),
        ],
        "class": [rule(r"\s+", ""), rule(ID, "nc", "#pop")],
        "dqs": [rule(r'"', "s", "#pop"), rule(r'[^\\$"]+', "s"), Mixin("string")],
        "sqs": [rule(r"'", "s", "#pop"), rule(r"[^\\$']+", "s"), Mixin("string")],
        "import": [rule(r";", "o", "#pop"), rule(r"(?:show|hide)\b", "kd"), Mixin("root")],
        "string": [Mixin("interpolation"), rule(r"""\\[nrt"'\\]""", "se")],
        "interpolation": [rule(rf"\${ID}", "si"), rule(r"\$\{[^}]+\}", "si")],
    }
