"""Liquid templates as Rouge 3.30 lexes them (the lexer Jekyll's own docs use)."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule


def _string_class(text: "str | None", otherwise: str) -> str:
    """Rouge's choice for a value that may contain a quoted string."""
    if text is not None and re.search(r"'[^']*'", text):
        return "s1"
    if text is not None and re.search(r'"[^"]*"', text):
        return "s2"
    return otherwise


def _groups_then(classes: tuple, state: "str | None"):
    def callback(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.groups(*classes)
        if state == "#pop":
            lexer.pop()
        elif state is not None:
            lexer.push(state)
    return callback


def _cycle(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("nt", "w", _string_class(match.group(3), "na"), "w", "p", "w")
    lexer.push("variable_tag_markup")


def _loop(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("nt", "w", "nv", "w", "nt", "w")
    lexer.token(_string_class(match.group(7), "nv"), match.group(7))
    lexer.token("w", match.group(8))
    lexer.push("tag_markup")


def _end(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.reset_stack()


def _closing(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("p", "w", "nt", "w", "p")
    lexer.reset_stack()


class LiquidLexer(RegexLexer):
    states = {
        "root": [
            rule(r"[^{]+", ""),
            rule(r"(\{%-?)(\s*)", _groups_then(("p", "w"), "tag_or_block")),
            rule(r"(\{\{-?)(\s*)", _groups_then(("p", "w"), "output")),
            rule(r"\{", ""),
        ],
        "tag_or_block": [
            rule(r"(if|elsif|unless|case)\b", "kr", "condition"),
            rule(r"(when)\b", "kr", "when"),
            rule(r"(else)(\s*)(-?%\})", _groups_then(("kr", "w", "p"), "#pop")),
            rule(r"(capture|(?:in|de)crement)(\s+)([^\s%]+)(\s*)(-?%\})",
                 _groups_then(("nt", "w", "nv", "w", "p"), "#pop")),
            rule(r"(comment)(\s*)(-?%\})", _groups_then(("nt", "w", "p"), "comment")),
            rule(r"(raw)(\s*)(-?%\})", _groups_then(("nt", "w", "p"), "raw")),
            rule(r"(end(?:if|unless|case))(\s*)(-?%\})", _groups_then(("kr", "w", "p"), "#pop")),
            rule(r"(end(?:[^\s%]+))(\s*)(-?%\})", _groups_then(("nt", "w", "p"), "#pop")),
            rule(r"(assign|echo)\b", "nt", "assign"),
            rule(r"(include|render)\b", "nt", "include"),
            rule(r"(cycle)(\s+)(?:([^\s:]*)(\s*)(:))?(\s*)", _cycle),
            rule(r"""
                (for|tablerow)(\s+)
                ([\w-]+)(\s+)
                (in)(\s+)
                (
                  (?: [^\s%,|'"] | (?:"[^"]*"|'[^']*') )+
                )(\s*)
            """, _loop, flags=re.X),
            rule(r"([^\s%]+)(\s*)", _groups_then(("nt", "w"), "tag_markup")),
        ],
        "output": [
            rule(r"(\|)(\s*)([a-zA-Z_][^\s}|:]*)", _groups_then(("p", "w", "nf"), "filters")),
            Mixin("end_of_tag"),
            Mixin("generic"),
        ],
        "filters": [
            rule(r"(\|)(\s*)([a-zA-Z_][^\s%}|:]*)", ("p", "w", "nf")),
            Mixin("end_of_tag"),
            Mixin("end_of_block"),
            Mixin("variable_param_markup"),
        ],
        "condition": [
            rule(r"([=!]=|[<>]=?)", "o"),
            rule(r"(and|or|contains)\b", "ow"),
            Mixin("end_of_block"),
            Mixin("generic"),
        ],
        "when": [Mixin("end_of_block"), Mixin("generic")],
        "end_of_tag": [rule(r"-?\}\}", _end)],
        "end_of_block": [rule(r"-?%\}", _end)],
        "param_markup": [
            Mixin("whitespace"),
            Mixin("keyword"),
            Mixin("string"),
            Mixin("number"),
            rule(r"([^\s=:]+)(\s*)(=|:)", ("na", "w", "o")),
            rule(r"[,:]", "p"),
        ],
        "default_param_markup": [Mixin("param_markup"), rule(r"\S+", "")],
        "variable_param_markup": [Mixin("param_markup"), Mixin("variable"), rule(r"\S+", "")],
        "tag_markup": [
            rule(r"(reversed)\b", "na"),
            Mixin("end_of_block"),
            Mixin("default_param_markup"),
        ],
        "variable_tag_markup": [Mixin("end_of_block"), Mixin("variable_param_markup")],
        "keyword": [rule(r"(false|true|nil)\b", "kc")],
        "variable": [
            rule(r"(empty|blank|forloop\.[^\s%}|:]+)\b", "nb"),
            rule(r"\.(?=\w)|\[|\]", "p"),
            rule(r"(first|last|size)\b", "nf"),
            rule(r"[a-zA-Z_][\w-]*\??", "nv"),
        ],
        "string": [
            rule(r"'[^']*'", "s1"),
            rule(r'"[^"]*"', "s2"),
        ],
        "number": [
            rule(r"-", "o"),
            rule(r"\d+\.\d+", "mf"),
            rule(r"\d+", "mi"),
        ],
        "generic": [
            Mixin("whitespace"),
            Mixin("keyword"),
            Mixin("string"),
            Mixin("number"),
            Mixin("variable"),
        ],
        "whitespace": [rule(r"[ \t]+", "w")],
        "comment": [
            rule(r"[^{]+", "c"),
            rule(r"(\{%-?)(\s*)(endcomment)(\s*)(-?%\})", _closing),
            rule(r"\{", "c"),
        ],
        "raw": [
            rule(r"[^{]+", ""),
            rule(r"(\{%-?)(\s*)(endraw)(\s*)(-?%\})", _closing),
            rule(r"\{", ""),
        ],
        "assign": [
            rule(r"=", "o"),
            rule(r"(\|)(\s*)([a-zA-Z_][^\s%|:]*)", _groups_then(("p", "w", "nf"), "filters")),
            Mixin("end_of_block"),
            Mixin("generic"),
        ],
        "include": [
            rule(r"(\{\{-?)(\s*)", _groups_then(("p", "w"), "output_embed")),
            rule(r"(with|for)\b", "nt"),
            rule(r"[/\w-]+(\.[\w-]+)+\b", ""),
            Mixin("variable_tag_markup"),
        ],
        "output_embed": [
            rule(r"(\|)(\s*)([a-zA-Z_][^\s}|:]*)", ("p", "w", "nf")),
            rule(r"-?\}\}", "p", "#pop"),
            Mixin("variable_param_markup"),
        ],
    }
