"""Java ``.properties`` files as Rouge 3.30 lexes them."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule


class PropertiesLexer(RegexLexer):
    states = {
        "basic": [rule(r"[!#].*?\n", "c"), rule(r"\s+", ""), rule(r"\\\n", "se")],
        "root": [Mixin("basic"), rule(r"([\w.-]+)(\s*)([=:])", ("py", "", "p"), "value")],
        "value": [
            rule(r"\n", "", "#pop"),
            Mixin("basic"),
            rule(r'"', "s", "dq"),
            rule(r"'.*?'", "s"),
            Mixin("esc_str"),
            rule(r"[^\\\n]+", "s"),
        ],
        "dq": [rule(r'"', "s", "#pop"), Mixin("esc_str"), rule(r'[^\\"]+', "s", flags=re.S)],
        "esc_str": [rule(r"\\u[0-9]{4}", "se"), rule(r"\\.", "se", flags=re.S)],
    }
