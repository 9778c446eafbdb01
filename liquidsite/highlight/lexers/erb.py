"""ERB templates as Rouge 3.30 lexes them: Ruby inside ``<% %>``, HTML around it."""

from __future__ import annotations

import re

from ..engine import ContinuingLexer, LexerOptions, RegexLexer, rule
from .html import HTMLLexer
from .ruby import RubyLexer

OPEN = r"(?:<%%|<%=|<%\#|<%-|<%)"
CLOSE = r"(?:%%>|-%>|%>)"


def _to_html(lexer: "ERBLexer", match: "re.Match[str]") -> None:
    lexer.delegate(lexer.html)


def _to_ruby(lexer: "ERBLexer", match: "re.Match[str]") -> None:
    lexer.delegate(lexer.ruby)


class ERBLexer(RegexLexer):
    def __init__(self) -> None:
        super().__init__()
        self.html: ContinuingLexer = HTMLLexer()
        self.ruby = RubyLexer()

    def configure(self, options: LexerOptions) -> None:
        from .. import template_parent

        self.html = template_parent(options)

    states = {
        "root": [
            rule(r"<%\#", "c", "comment"),
            rule(OPEN, "cp", "ruby"),
            rule(rf".+?(?={OPEN})|.+", _to_html, flags=re.S),
        ],
        "comment": [
            rule(CLOSE, "c", "#pop"),
            rule(rf".+?(?={CLOSE})|.+", "c", flags=re.S),
        ],
        "ruby": [
            rule(CLOSE, "cp", "#pop"),
            rule(rf".+?(?={CLOSE})|.+", _to_ruby, flags=re.S),
        ],
    }
