"""TOML as Rouge 3.30 lexes it."""

from __future__ import annotations

from ..engine import Mixin, RegexLexer, rule

IDENTIFIER = r"""(?:\S+|"[^"]+"|'[^']+')"""


def _inline_table(lexer: RegexLexer, match) -> None:
    lexer.groups("nn", "", "o", "", "p")
    lexer.push("inline")


def _key(lexer: RegexLexer, match) -> None:
    lexer.groups("py", "", "p")
    lexer.push("value")


class TOMLLexer(RegexLexer):
    states = {
        "basic": [
            rule(r"\s+", ""),
            rule(r"\#.*?$", "c"),
            rule(r"(true|false)", "kc"),
            rule(rf"({IDENTIFIER})(\s*)(=)(\s*)(\{{)", _inline_table),
            # Rouge's (?<!=) never sees before the scan position.
            rule(r"\s*\[[\S]+\]", "nn"),
            rule(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", "ld"),
            rule(r"[+-]?\d+(?:_\d+)*\.\d+(?:_\d+)*(?:[eE][+-]?\d+(?:_\d+)*)?", "mf"),
            rule(r"[+-]?\d+(?:_\d+)*[eE][+-]?\d+(?:_\d+)*", "mf"),
            rule(r"[+-]?(?:nan|inf)", "mf"),
            rule(r"0x[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*", "mh"),
            rule(r"0o[0-7]+(?:_[0-7]+)*", "mo"),
            rule(r"0b[01]+(?:_[01]+)*", "mb"),
            rule(r"[+-]?\d+(?:_\d+)*", "mi"),
        ],
        "root": [
            Mixin("basic"),
            rule(rf"({IDENTIFIER})(\s*)(=)", _key),
        ],
        "value": [
            rule(r"\n", "", "#pop"),
            Mixin("content"),
        ],
        "content": [
            Mixin("basic"),
            rule(rf"({IDENTIFIER})(\s*)(=)", ("py", "", "p")),
            rule(r'"""', "s", "mdq"),
            rule(r'"', "s", "dq"),
            rule(r"'''", "s", "msq"),
            rule(r"'", "s", "sq"),
            Mixin("esc_str"),
            rule(r",", "p"),
            rule(r"\[", "p", "array"),
        ],
        "dq": [
            rule(r'"', "s", "#pop"),
            rule(r"\n", "err", "#pop"),
            Mixin("esc_str"),
            rule(r'[^\\"\n]+', "s"),
        ],
        "mdq": [
            rule(r'"""', "s", "#pop"),
            Mixin("esc_str"),
            rule(r'[^\\"]+', "s"),
            rule(r'"+', "s"),
        ],
        "sq": [
            rule(r"'", "s", "#pop"),
            rule(r"\n", "err", "#pop"),
            rule(r"[^'\n]+", "s"),
        ],
        "msq": [
            rule(r"'''", "s", "#pop"),
            rule(r"[^']+", "s"),
            rule(r"'+", "s"),
        ],
        "esc_str": [rule(r'\\[0t\tn\n "\\r]', "se")],
        "array": [Mixin("content"), rule(r"\]", "p", "#pop")],
        "inline": [Mixin("content"), rule(r"\}", "p", "#pop")],
    }
