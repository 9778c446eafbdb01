"""SCSS as Rouge 3.30 lexes it (Rouge's SassCommon rules with SCSS's root)."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule
from .css import ATTRIBUTES, BUILTINS, CONSTANTS

ID = r"[\w-]+"


def _push(state: str):
    def callback(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.push(state)
    return callback


def _leave(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.pop()


def _groups_then(classes: tuple, state: str):
    def callback(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.groups(*classes)
        lexer.push(state)
    return callback


def _end_section(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.reset_stack()


def _value_name(lexer: RegexLexer, match: "re.Match[str]") -> None:
    word = match.group(0)
    lexer.token("nb" if word in BUILTINS else "no" if word in CONSTANTS else "n")


def _attribute_name(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("nl" if match.group(0) in ATTRIBUTES else "na")


def _selector_piece(css: str) -> list:
    return [rule(ID, css), Mixin("has_interp"), rule(r"", _leave)]


class ScssLexer(RegexLexer):
    states = {
        "root": [
            rule(r"\s+", ""),
            rule(r"//.*?$", "c1"),
            rule(r"/[*].*?[*]/", "cm", flags=re.S),
            rule(r"@import\b", "k", "value"),
            Mixin("content_common"),
            rule(r"(?=[^;{}][;}])", _push("attribute")),
            rule(r"(?=[^;{}:\[]+:[^a-z])", _push("attribute")),
            rule(r"", _push("selector")),
        ],
        "end_section": [
            rule(r"\n", ""),
            rule(r"[;{}]", _end_section),
        ],
        "content_common": [
            rule(r"@for\b", "k", "for"),
            rule(r"@(debug|warn|if|each|while|else|return|media)", "k", "value"),
            rule(rf"(@mixin)(\s+)({ID})", _groups_then(("k", "", "nf"), "value")),
            rule(rf"(@function)(\s+)({ID})", _groups_then(("k", "", "nf"), "value")),
            rule(r"@extend\b", "k", "selector"),
            rule(rf"(@include)(\s+)({ID})", _groups_then(("k", "", "nd"), "value")),
            rule(rf"@{ID}", "k", "selector"),
            rule(r"&", "k", "selector"),
            rule(rf"([$]{ID})([ \t]*)(:)", _groups_then(("nv", "", "p"), "value")),
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
            rule(r"([ \t]*)(:)", _groups_then(("", "p"), "value")),
        ],
        "inline_comment": [
            rule(r"(\\\#|\#(?=[^\n{])|\*(?=[^\n/])|[^\n#*])+", "cm"),
            Mixin("has_interp"),
            rule(r"[*]/", "cm", "#pop"),
        ],
    }
