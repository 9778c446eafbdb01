"""VimL (vim, vimscript, ex) as Rouge 3.30 lexes it.

Rouge's comment rule ``(?<=\\s)"[^-:.%#=*].*?$`` opens with a lookbehind, which under Ruby's
StringScanner sees nothing before the scan position and so never holds: a ``"`` not at the start
of a line begins a string (or is plain text).
"""

from __future__ import annotations

import re

from ..engine import RegexLexer, rule
from .viml_keywords import BUILTINS, COMMANDS


def _word(lexer: RegexLexer, match: "re.Match[str]") -> None:
    name = match.group(0)
    if name in COMMANDS:
        lexer.token("k")
    elif name in BUILTINS:
        lexer.token("nb")
    else:
        lexer.token("")


class VimLLexer(RegexLexer):
    states = {
        "root": [
            rule(r'^(\s*)(".*?)$', ("", "c")),
            rule(r"^\s*\\", "se"),
            rule(r"[ \t]+", ""),
            rule(r"/(\\\\|\\/|[^\n/])*/", "sr"),
            rule(r'"(\\\\|\\"|[^\n"])*"', "s2"),
            rule(r"'(\\\\|\\'|[^\n'])*'", "s1"),
            rule(r'(?<=\s)"[^-:.%#=*].*?$', "c"),
            rule(r"-?\d+", "m"),
            rule(r"#[0-9a-f]{6}", "mh", flags=re.I),
            rule(r"^:", "p"),
            rule(r"[():<>+=!\[\]{}\|,~.-]", "p"),
            rule(r"\b(let|if|else|endif|elseif|fun|function|endfunction)\b", "k"),
            rule(r"\b(NONE|bold|italic|underline|dark|light)\b", "nb"),
            rule(r"[absg]:\w+\b", "nv"),
            rule(r"\b\w+\b", _word),
            rule(r".", "", flags=re.S),  # no errors in VimL
        ],
    }
