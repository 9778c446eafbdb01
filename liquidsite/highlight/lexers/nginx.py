"""nginx configuration as Rouge 3.30 lexes it."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule

ID = r"[^\s$;{}()#]+"


def _open_block(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.pop()
    lexer.push("block")


class NginxLexer(RegexLexer):
    states = {
        "root": [
            rule(r"(include)(\s+)([^\s;]+)", ("k", "", "n")),
            rule(ID, "k", "statement"),
            Mixin("base"),
        ],
        "block": [
            rule(r"\}", "p", "#pop"),
            rule(ID, "kn", "statement"),
            Mixin("base"),
        ],
        "statement": [
            rule(r"\{", _open_block),
            rule(r";", "p", "#pop"),
            Mixin("base"),
        ],
        "base": [
            rule(r"\s+", ""),
            rule(r"\#.*", "c1"),
            rule(r"(?:on|off)\b", "no"),
            rule(r"[$][\w-]+", "nv"),
            rule(r"([a-z0-9.-]+)(:)([0-9]+)", ("nf", "p", "mi"), flags=re.I),
            rule(r"[a-z-]+/[a-z-]+", "nc", flags=re.I),
            rule(r"[0-9]+[kmg]?\b", "mi", flags=re.I),
            rule(r"(~)(\s*)([^\s{]+)", ("p", "", "sr")),
            rule(r"[:=~]", "p"),
            rule(rf"/(?:{ID})?", "n"),
            rule(r"[^#\s;{}$\\]+", "s"),
            rule(r"[$;]", ""),
        ],
    }
