"""Prolog as Rouge 3.30 lexes it."""

from __future__ import annotations

import re

from ..engine import WORD, Mixin, RegexLexer, case_class, rule


def _leave(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.pop()


class PrologLexer(RegexLexer):
    def __init__(self) -> None:
        super().__init__()
        self.push("bol")
        if not self.states["atoms"]:  # Unicode tables are built on first use only
            type(self).states = {**self.states, "atoms": [
                rule(rf"{case_class(False)}{WORD}*", "ss"),
                rule(r"'[^']*'", "ss"),
            ]}

    states = {
        "bol": [
            rule(r"\#.*", "c1"),
            rule(r"", _leave),
        ],
        "basic": [
            rule(r"\s+", ""),
            rule(r"%.*", "c1"),
            rule(r"/\*", "cm", "nested_comment"),
            rule(r"[\[\](){}|.,;!]", "p"),
            rule(r":-|-->", "p"),
            rule(r'"[^"]*"', "s2"),
            rule(r"\d+\.\d+", "mf"),
            rule(r"\d+", "m"),
        ],
        "atoms": [],
        "operators": [
            rule(r"(<|>|=<|>=|==|=:=|=|/|//|\*|\+|-)(?=\s|[a-zA-Z0-9\[])", "o"),
            rule(r"is", "o"),
            rule(r"(mod|div|not)", "o"),
            rule(r"[#&*+-./:<=>?@^~]+", "o"),
        ],
        "variables": [
            rule(r"[A-Z]+\w*", "nv"),
            rule(rf"_{WORD}*", "nv"),
        ],
        "root": [Mixin("basic"), Mixin("atoms"), Mixin("variables"), Mixin("operators")],
        "nested_comment": [
            rule(r"/\*", "cm", "nested_comment"),
            rule(r"\s*\*[^*/]+", "cm"),
            rule(r"\*/", "cm", "#pop"),
        ],
    }
