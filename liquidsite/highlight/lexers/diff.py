"""Unified diffs as Rouge 3.30 lexes them: whole lines as one token each."""

from __future__ import annotations

from ..engine import RegexLexer, rule


class DiffLexer(RegexLexer):
    states = {
        "root": [
            rule(r"^ .*$\n?", ""),
            rule(r"^---$\n?", "p"),
            rule(r"^[+>]+.*$\n?", "gi"),
            rule(r"^\+.*$\n?", "gi"),
            rule(r"^[-<]+.*$\n?", "gd"),
            rule(r"^!.*$\n?", "gs"),
            rule(r"^([Ii]ndex|diff).*$\n?", "gh"),
            rule(r"^(@@[^@]*@@)([^\n]*\n)", ("p", "")),
            rule(r"^\w.*$\n?", "p"),
            rule(r"^=.*$\n?", "gh"),
            rule(r"\s.*$\n?", ""),
        ],
    }
