"""Rouge 3.30's SassCommon: the states the ``sass`` and ``scss`` lexers share.

Each lexer adds its own ``root`` and ``end_section`` (mixed into ``value`` and ``selector`` here by
name, so each lexer's own one is used) to ``COMMON_STATES``.
"""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, States, rule
from .css import ATTRIBUTES, BUILTINS, CONSTANTS

ID = r"[\w-]+"


def push_state(state: str):
    """A callback pushing *state* (Rouge's ``rule(re) { push :state }``)."""
    def callback(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.push(state)
    return callback


def leave(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.pop()


def groups_then(classes: tuple, state: str):
    """A callback giving the groups *classes*, then pushing *state*."""
    def callback(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.groups(*classes)
        lexer.push(state)
    return callback


def _value_name(lexer: RegexLexer, match: "re.Match[str]") -> None:
    word = match.group(0)
    lexer.token("nb" if word in BUILTINS else "no" if word in CONSTANTS else "n")


def _attribute_name(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("nl" if match.group(0) in ATTRIBUTES else "na")


def _selector_piece(css: str) -> list:
    return [rule(ID, css), Mixin("has_interp"), rule(r"", leave)]


COMMON_STATES: States = {
    "content_common": [
        rule(r"@for\b", "k", "for"),
        rule(r"@(debug|warn|if|each|while|else|return|media)", "k", "value"),
        rule(rf"(@mixin)(\s+)({ID})", groups_then(("k", "", "nf"), "value")),
        rule(rf"(@function)(\s+)({ID})", groups_then(("k", "", "nf"), "value")),
        rule(r"@extend\b", "k", "selector"),
        rule(rf"(@include)(\s+)({ID})", groups_then(("k", "", "nd"), "value")),
        rule(rf"@{ID}", "k", "selector"),
        rule(r"&", "k", "selector"),
        rule(rf"([$]{ID})([ \t]*)(:)", groups_then(("nv", "", "p"), "value")),
    ],
    "value": [
        Mixin("end_section"),
        rule(r"[ \t]+", ""),
        rule(rf"[$]{ID}", "nv"),
        rule(r"url[(]", "sx", "string_url"),
        rule(rf"{ID}(?=\s*[(])", "nf"),
        rule(rf"%{ID}", "nd"),
        rule(r"(true|false)\b", "bp"),
        rule(r"(and|or|not)\b", "ow"),
        rule(r"\#[a-z0-9]{1,6}", "mh", flags=re.I),
        rule(r"-?\d+(%|[a-z]+)?", "m"),
        rule(r"-?\d*\.\d+(%|[a-z]+)?", "mi"),
        Mixin("has_strings"),
        Mixin("has_interp"),
        rule(r"[~^*!&%<>|+=@:,./?-]+", "o"),
        rule(r"[\[\]()]+", "p"),
        rule(r"/[*]", "cm", "inline_comment"),
        rule(r"//[^\n]*", "c1"),
        rule(ID, _value_name),
    ],
    "has_interp": [rule(r"[#][{]", "si", "interpolation")],
    "has_strings": [
        rule(r'"', "s2", "dq"),
        rule(r"'", "s1", "sq"),
    ],
    "interpolation": [
        rule(r"\}", "si", "#pop"),
        Mixin("value"),
    ],
    "selector": [
        Mixin("end_section"),
        Mixin("has_strings"),
        Mixin("has_interp"),
        rule(r"[ \t]+", ""),
        rule(r":", "nd", "pseudo_class"),
        rule(r"[.]", "nc", "class"),
        rule(r"\#", "nn", "id"),
        rule(r"%", "nv", "placeholder"),
        rule(ID, "nt"),
        rule(r"&", "k"),
        rule(r"[~^*!&\[\]()<>|+=@:;,./?-]", "o"),
    ],
    "dq": [
        rule(r'"', "s2", "#pop"),
        Mixin("has_interp"),
        rule(r'(\\.|\#(?![{])|[^\n"#])+', "s2"),
    ],
    "sq": [
        rule(r"'", "s1", "#pop"),
        Mixin("has_interp"),
        rule(r"(\\.|\#(?![{])|[^\n'#])+", "s1"),
    ],
    "string_url": [
        rule(r"[)]", "sx", "#pop"),
        rule(r"(\\.|\#(?![{])|[^\n)#])+", "sx"),
        Mixin("has_interp"),
    ],
    "pseudo_class": _selector_piece("nd"),
    "class": _selector_piece("nc"),
    "id": _selector_piece("nn"),
    "placeholder": _selector_piece("nv"),
    "for": [
        rule(r"(from|to|through)", "ow"),
        Mixin("value"),
    ],
    "attr_common": [
        Mixin("has_interp"),
        rule(ID, _attribute_name),
    ],
    "attribute": [
        Mixin("attr_common"),
        rule(r"([ \t]*)(:)", groups_then(("", "p"), "value")),
    ],
    "inline_comment": [
        rule(r"(\\\#|\#(?=[^\n{])|\*(?=[^\n/])|[^\n#*])+", "cm"),
        Mixin("has_interp"),
        rule(r"[*]/", "cm", "#pop"),
    ],
}
