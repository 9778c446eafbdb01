"""Sass's indented syntax as Rouge 3.30 lexes it (SassCommon's rules, an indentation-driven root).

Rouge's ``Indentation`` mixin: every line's leading blanks go through ``indentation``; a comment
opening a line makes the lines indented deeper than it (``starts_block``) comment lines too.
"""

from __future__ import annotations

import re
from typing import Optional

from ..engine import Mixin, RegexLexer, rule
from .sass_common import COMMON_STATES, ID, push_state


def _comment_block(css: str, state: str):
    """A comment opening a line: the lines indented deeper than it are comment lines too."""
    def callback(lexer: "SassLexer", match: "re.Match[str]") -> None:
        lexer.token(css)
        lexer.pop()
        lexer.starts_block(state)
    return callback


class SassLexer(RegexLexer):
    def __init__(self) -> None:
        super().__init__()
        self.block_state: Optional[str] = None
        self.block_indentation: Optional[str] = None
        self.last_indentation: Optional[str] = None

    def starts_block(self, state: str) -> None:
        """The lines indented deeper than the current one start in *state*."""
        self.block_state = state
        self.block_indentation = self.last_indentation or ""

    def indentation(self, indent: str) -> None:
        """One line's indentation: its block's state if it is deeper than the block, else content."""
        self.last_indentation = indent
        block = self.block_indentation
        if self.block_state is not None and block is not None and indent.startswith(block) and indent != block:
            self.push(self.block_state)
        else:
            self.block_state = self.block_indentation = None
            self.push("content")

    def _indent(self, match: "re.Match[str]") -> None:
        self.token("")
        self.indentation(match.group(0))

    def _end_line(self, match: "re.Match[str]") -> None:
        self.token("")
        self.reset_stack()

    def _old_style_value(self, match: "re.Match[str]") -> None:
        self.pop()
        self.push("value")

    states = {
        **COMMON_STATES,
        "root": [
            rule(r"[ \t]*\n", ""),
            rule(r"[ \t]*", _indent),
        ],
        "content": [
            rule(r"//.*?$", _comment_block("c1", "single_comment")),
            rule(r"/[*].*?\n", _comment_block("cm", "multi_comment")),
            rule(r"@import\b", "k", "import"),
            Mixin("content_common"),
            rule(rf"={ID}", "nf", "value"),
            rule(rf"[+]{ID}", "nd", "value"),
            rule(r":", "na", "old_style_attr"),
            rule(r"(?=[^\[\n]+?:([^a-z]|$))", push_state("attribute")),
            rule(r"", push_state("selector")),
        ],
        "single_comment": [rule(r".*?$", "c1", "#pop")],
        "multi_comment": [rule(r".*?\n", "cm", "#pop")],
        "import": [
            rule(r"[ \t]+", ""),
            rule(r"\S+", "s"),
            rule(r"\n", "", "#pop"),
        ],
        "old_style_attr": [
            Mixin("attr_common"),
            rule(r"", _old_style_value),
        ],
        "end_section": [rule(r"\n", _end_line)],
    }
