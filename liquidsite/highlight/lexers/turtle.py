"""Turtle and TriG (RDF) as Rouge 3.30 lexes them."""

from __future__ import annotations

import re

from ..engine import RegexLexer, rule


class TurtleLexer(RegexLexer):
    states = {
        "root": [
            rule(r"@base\b", "kd"),
            rule(r"@prefix\b", "kd"),
            rule(r"true\b", "kc"),
            rule(r"false\b", "kc"),
            rule(r'""".*?"""', "s", flags=re.S),
            rule(r'"([^"\\]|\\.)*"', "s"),
            rule(r"'''.*?'''", "s", flags=re.S),
            rule(r"'([^'\\]|\\.)*'", "s"),
            rule(r"#.*$", "c1"),
            rule(r"@[^\s,.;]+", "na"),
            rule(r"[+-]?[0-9]+\.[0-9]*E[+-]?[0-9]+", "mf"),
            rule(r"[+-]?\.[0-9]+E[+-]?[0-9]+", "mf"),
            rule(r"[+-]?[0-9]+E[+-]?[0-9]+", "mf"),
            rule(r"[+-]?[0-9]*\.[0-9]+?", "mf"),
            rule(r"[+-]?[0-9]+", "mi"),
            rule(r"[.,;(){}\[\]]", "p"),
            rule(r"\^\^", "p"),
            rule(r"<[^>]*>", "nl"),
            rule(r"base\b", "kd", flags=re.I),
            rule(r"prefix\b", "kd", flags=re.I),
            rule(r"GRAPH\b", "k"),
            rule(r"a\b", "k"),
            rule(r"\s+", "w"),
            rule(r'[^:;<>#@"().\[\]{} ]*:', "nn"),
            rule(r'[^:;<>#@"().\[\]{} ]+', "n"),
        ],
    }
