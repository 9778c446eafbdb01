"""BibTeX as Rouge 3.30 lexes it: entry types are classes, keys labels, fields attributes."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule

_PUNCT = re.escape("@!$&.\\:;<>?[]^`|~*/+-")
_NAME = rf"[a-z_{_PUNCT}][\w{_PUNCT}]*"


def _entry(lexer: RegexLexer, match: "re.Match[str]") -> None:
    kind = match.group(1).lower()
    if kind == "comment":
        lexer.token("c")
        return
    lexer.token("nc")
    body = {"preamble": "value", "string": "field"}.get(kind, "command_body")
    for state in ("closing_brace", body, "opening_brace"):
        lexer.push(state)


def _key(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("nl")
    lexer.pop()
    lexer.push("fields")


def _leave(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.pop()


def _field(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("na")
    lexer.push("value")
    lexer.push("equal_sign")


class BibTeXLexer(RegexLexer):
    states = {
        "root": [
            Mixin("whitespace"),
            rule(rf"@({_NAME})", _entry, flags=re.I),
            rule(r".+", "c"),
        ],
        "opening_brace": [Mixin("whitespace"), rule(r"[{(]", "p", "#pop")],
        "closing_brace": [Mixin("whitespace"), rule(r"[})]", "p", "#pop")],
        "command_body": [Mixin("whitespace"), rule(r"[^\s,}]+", _key)],
        "fields": [
            Mixin("whitespace"),
            rule(r",", "p", "field"),
            rule(r"", _leave),
        ],
        "field": [
            Mixin("whitespace"),
            rule(_NAME, _field, flags=re.I),
            rule(r"", _leave),
        ],
        "equal_sign": [Mixin("whitespace"), rule(r"=", "p", "#pop")],
        "value": [
            Mixin("whitespace"),
            rule(_NAME, "nv", flags=re.I),
            rule(r'"', "s", "quoted_string"),
            rule(r"\{", "s", "braced_string"),
            rule(r"\d+", "m"),
            rule(r"#", "p"),
            rule(r"", _leave),
        ],
        "quoted_string": [
            rule(r"\{", "s", "braced_string"),
            rule(r'"', "s", "#pop"),
            rule(r'[^{"]+', "s"),
        ],
        "braced_string": [
            rule(r"\{", "s", "braced_string"),
            rule(r"\}", "s", "#pop"),
            rule(r"[^{}]+", "s"),
        ],
        "whitespace": [rule(r"\s+", "")],
    }
