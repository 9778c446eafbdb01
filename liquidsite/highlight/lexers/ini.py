"""INI files as Rouge 3.30 lexes them."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule

IDENTIFIER = r"[\w\-.]+"


def _key(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("py", "", "p")
    lexer.push("value")


class INILexer(RegexLexer):
    states = {
        "basic": [
            rule(r"[;#].*?\n", "c"),
            rule(r"\s+", ""),
            rule(r"\\\n", "se"),
        ],
        "root": [
            Mixin("basic"),
            rule(rf"({IDENTIFIER})(\s*)(=)", _key),
            rule(r"\[.*?\]", "nn"),
        ],
        "value": [
            rule(r"\n", "", "#pop"),
            Mixin("basic"),
            rule(r'"', "s", "dq"),
            rule(r"'.*?'", "s"),
            Mixin("esc_str"),
            rule(r"[^\\\n]+", "s"),
        ],
        "dq": [
            rule(r'"', "s", "#pop"),
            Mixin("esc_str"),
            rule(r'[^\\"]+', "s", flags=re.S),
        ],
        "esc_str": [rule(r"\\.", "se", flags=re.S)],
    }
