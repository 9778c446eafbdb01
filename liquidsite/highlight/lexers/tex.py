"""TeX/LaTeX as Rouge 3.30 lexes it: commands are keywords, math content is builtins."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule

_COMMAND = re.compile(r"\\([a-z]+|\s+|.)", re.M | re.ASCII | re.I)


def _leave(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.pop()


class TeXLexer(RegexLexer):
    states = {
        "general": [
            rule(r"%.*$", "c"),
            rule(r"[{}&_^]", "p"),
        ],
        "root": [
            rule(r"\\\[", "p", "displaymath"),
            rule(r"\\\(", "p", "inlinemath"),
            rule(r"\$\$", "p", "displaymath"),
            rule(r"\$", "p", "inlinemath"),
            rule(r"\\(begin|end)\{.*?\}", "nt"),
            rule(r"(\\verb)\b(\S)(.*?)(\2)", ("nb", "kp", "sx", "kp")),
            rule(_COMMAND, "k", "command"),
            Mixin("general"),
            rule(r"[^\\$%&_^{}]+", ""),
        ],
        "math": [
            rule(_COMMAND, "nv"),
            Mixin("general"),
            rule(r"[0-9]+", "m"),
            rule(r"[-=!+*/()\[\]]", "o"),
            rule(r"[^=!+*/()\[\]\\$%&_^{}0-9-]+", "nb"),
        ],
        "inlinemath": [
            rule(r"\\\)", "p", "#pop"),
            rule(r"\$", "p", "#pop"),
            Mixin("math"),
        ],
        "displaymath": [
            rule(r"\\\]", "p", "#pop"),
            rule(r"\$\$", "p", "#pop"),
            rule(r"\$", "nb"),
            Mixin("math"),
        ],
        "command": [
            rule(r"\[.*?\]", "na"),
            rule(r"\*", "k"),
            rule(r"", _leave),
        ],
    }
