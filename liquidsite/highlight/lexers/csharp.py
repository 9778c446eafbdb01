"""C# as Rouge 3.30 lexes it."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule

ID = r"(?i:@?[_a-z]\w*)"
KEYWORDS = """
    abstract as base break case catch checked const continue default delegate do else enum
    event explicit extern false finally fixed for foreach goto if implicit in interface
    internal is lock new null operator out override params private protected public
    readonly ref return sealed sizeof stackalloc static switch this throw true try typeof
    unchecked unsafe virtual void volatile while add alias async await get global partial
    remove set value where yield nameof ascending by descending equals from group in into
    join let on orderby select
""".split()
KEYWORDS_TYPE = """
    bool byte char decimal double dynamic float int long object sbyte short string uint
    ulong ushort var
""".split()
CPP_KEYWORDS = "if endif else elif define undef line error warning region endregion pragma".split()


class CSharpLexer(RegexLexer):
    states = {
        "whitespace": [
            rule(r"\s+", "", flags=re.S),
            rule(r"//.*?$", "c1"),
            rule(r"/[*].*?[*]/", "cm", flags=re.S),
        ],
        "nest": [
            rule(r"\{", "p", "nest"),
            rule(r"\}", "p", "#pop"),
            Mixin("root"),
        ],
        "splice_string": [
            rule(r"\\.", "s"),
            rule(r"\{", "p", "nest"),
            rule(r'"|\n', "s", "#pop"),
            rule(r".", "s"),
        ],
        "splice_literal": [
            rule(r'""', "s"),
            rule(r"\{", "p", "nest"),
            rule(r'"', "s", "#pop"),
            rule(r".", "s"),
        ],
        "root": [
            Mixin("whitespace"),
            rule(r'[$]\s*"', "s", "splice_string"),
            rule(r'[$]@\s*"', "s", "splice_literal"),
            rule(rf"(<\[)\s*({ID}:)?", "k"),
            rule(r"\]>", "k"),
            rule(r"[~!%^&*()+=|\[\]{}:;,.<>/?-]", "p"),
            rule(r'@"(""|[^"])*"', "s", flags=re.S),
            rule(r'"(\\.|.)*?["\n]', "s"),
            rule(r"'(\\.|.)'", "sc"),
            rule(r"0x[0-9a-f]+[lu]?", "m", flags=re.I),
            rule(r"""
                [0-9]
                ([.][0-9]*)? # decimal
                (e[+-][0-9]+)? # exponent
                [fldu]? # type
            """, "m", flags=re.I | re.X),
            rule(r"\b(?:class|struct|interface)\b", "k", "class"),
            rule(r"\b(?:namespace|using)\b", "k", "namespace"),
            rule(rf"^\#[ \t]*({'|'.join(CPP_KEYWORDS)})\b.*?\n", "cp"),
            rule(rf"\b({'|'.join(KEYWORDS)})\b", "k"),
            rule(rf"\b({'|'.join(KEYWORDS_TYPE)})\b", "kt"),
            rule(rf"{ID}(?=\s*[(])", "nf"),
            rule(ID, "n"),
        ],
        "class": [Mixin("whitespace"), rule(ID, "nc", "#pop")],
        "namespace": [
            Mixin("whitespace"),
            rule(r"(?=[(])", "", "#pop"),
            rule(rf"({ID}|[.])+", "nn", "#pop"),
        ],
    }
