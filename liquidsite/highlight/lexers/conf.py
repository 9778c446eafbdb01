"""Generic configuration files as Rouge 3.30's conf lexer sees them."""

from __future__ import annotations

import re

from ..engine import RegexLexer, rule


class ConfLexer(RegexLexer):
    states = {
        "root": [
            rule(r"\#.*?\n", "c"),
            rule(r'".*?"', "s2"),
            rule(r"'.*?'", "s1"),
            rule(r"[a-z]\w*", "n", flags=re.I),
            rule(r"\d+", "m"),
            rule(r"""[^\w#"']+""", ""),
        ],
    }
