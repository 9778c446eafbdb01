"""SCSS as Rouge 3.30 lexes it (Rouge's SassCommon rules with SCSS's root)."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule
from .sass_common import COMMON_STATES, push_state


def _end_section(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.reset_stack()


class ScssLexer(RegexLexer):
    states = {
        **COMMON_STATES,
        "root": [
            rule(r"\s+", ""),
            rule(r"//.*?$", "c1"),
            rule(r"/[*].*?[*]/", "cm", flags=re.S),
            rule(r"@import\b", "k", "value"),
            Mixin("content_common"),
            rule(r"(?=[^;{}][;}])", push_state("attribute")),
            rule(r"(?=[^;{}:\[]+:[^a-z])", push_state("attribute")),
            rule(r"", push_state("selector")),
        ],
        "end_section": [
            rule(r"\n", ""),
            rule(r"[;{}]", _end_section),
        ],
    }
