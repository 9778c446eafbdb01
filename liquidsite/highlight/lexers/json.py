"""JSON as Rouge 3.30 lexes it: object keys are labels (``nl``), whitespace ``w``."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule


class JSONLexer(RegexLexer):
    states = {
        "whitespace": [rule(r"\s+", "w")],
        "root": [
            Mixin("whitespace"),
            rule(r"\{", "p", "object"),
            rule(r"\[", "p", "array"),
            Mixin("name"),
            Mixin("value"),
            rule(r"[\]}]", "p"),
        ],
        "object": [
            Mixin("whitespace"), Mixin("name"), Mixin("value"),
            rule(r"\}", "p", "#pop"),
            rule(r",", "p"),
        ],
        "name": [rule(r'("(?:\\.|[^"\\\n])*?")(\s*)(:)', ("nl", "w", "p"))],
        "value": [
            Mixin("whitespace"), Mixin("constants"),
            rule(r'"', "s2", "string"),
            rule(r"\[", "p", "array"),
            rule(r"\{", "p", "object"),
        ],
        "string": [
            rule(r'[^\\"]+', "s2"),
            rule(r"\\.", "se"),
            rule(r'"', "s2", "#pop"),
        ],
        "array": [
            Mixin("value"),
            rule(r"\]", "p", "#pop"),
            rule(r",", "p"),
        ],
        "constants": [
            rule(r"(?:true|false|null)", "kc"),
            rule(r"-?(?:0|[1-9]\d*)\.\d+(?:e[+-]?\d+)?", "mf", flags=re.I),
            rule(r"-?(?:0|[1-9]\d*)(?:e[+-]?\d+)?", "mi", flags=re.I),
        ],
    }


class JSONDocLexer(JSONLexer):
    """Rouge's ``json-doc`` (``jsonc``): JSON with bare keys, comments and ``...`` elisions."""

    states = {
        **JSONLexer.states,
        "name": [rule(r"([$\w]+)(\s*)(:)", ("na", "", "p")), *JSONLexer.states["name"]],
        "value": [
            rule(r"/[*].*?[*]/", "c"),
            rule(r"//.*?$", "c1"),
            rule(r"(\.\.\.)", "c1"),
            *JSONLexer.states["value"],
        ],
    }
