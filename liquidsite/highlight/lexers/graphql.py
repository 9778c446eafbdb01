"""GraphQL as Rouge 3.30 lexes it (whitespace as ``Text::Whitespace``, class ``w``; Markdown descriptions)."""

from __future__ import annotations

import re
from typing import Union

from ..engine import Mixin, RegexLexer, rule
from .markdown import MarkdownLexer

NAME = r"[_A-Za-z][_0-9A-Za-z]*"
BUILTIN_TYPES = r"\b(?:Int|Float|String|Boolean|ID)\b"


def _emit_then(classes: Union[str, tuple], pops: int = 0, pushes: tuple[str, ...] = ()):
    """A callback giving the match the class (or its groups the classes), then popping and pushing."""
    def callback(lexer: RegexLexer, match: "re.Match[str]") -> None:
        if isinstance(classes, str):
            lexer.token(classes)
        else:
            lexer.groups(*classes)
        if pops:
            lexer.pop(pops)
        for state in pushes:
            lexer.push(state)
    return callback


def _close_set(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.pop()
    if lexer.state_is("query_definition") or lexer.state_is("fragment_definition"):
        lexer.pop()


def _close_inside(state: str):
    """A closing bracket: the enclosing value is done too, when it is one."""
    def callback(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.token("p")
        lexer.pop()
        if lexer.state_is(state):
            lexer.pop()
    return callback


def _value(css: str):
    """A value: done unless it is an item of a list."""
    def callback(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.token(css)
        if not lexer.state_is("list"):
            lexer.pop()
    return callback


def _description(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("s2", match.group(1))
    lexer.token("w", match.group(2))
    lexer.delegate(MarkdownLexer(), match.group(3))
    lexer.token("w", match.group(4))
    lexer.token("s2", match.group(5))


class GraphQLLexer(RegexLexer):
    states = {
        "root": [
            rule(r"\b(?:query|mutation|subscription)\b", "k", "query_definition"),
            rule(r"\{", _emit_then("p", pushes=("query_definition", "selection_set"))),
            rule(r"\bfragment\b", "k", "fragment_definition"),
            rule(r"\bscalar\b", "k", "value"),
            rule(r"\b(?:type|interface|enum)\b", "k", "type_definition"),
            rule(r"\b(?:input|schema)\b", "k", "type_definition"),
            rule(r"\bunion\b", "k", "union_definition"),
            rule(r"\bextend\b", "k"),
            Mixin("basic"),
            rule(r'(""")(\n)(.*?)(\n)(""")', _description, flags=re.S),
        ],
        "basic": [
            rule(r"\s+", "w"),
            rule(r"\#.*$", "c"),
            rule(r"[!,]", "p"),
        ],
        "has_directives": [
            rule(rf"(@{NAME})(\s*)(\()", _emit_then(("k", "w", "p"), pushes=("arguments",))),
            rule(rf"@{NAME}\b", "k"),
        ],
        "fragment_definition": [
            rule(r"\bon\b", "k"),
            Mixin("query_definition"),
        ],
        "query_definition": [
            Mixin("has_directives"),
            rule(rf"\b{NAME}\b", "n"),
            rule(r"\(", "p", "variable_definitions"),
            rule(r"\{", "p", "selection_set"),
            Mixin("basic"),
        ],
        "type_definition": [
            rule(r"\bimplements\b", "k"),
            rule(rf"\b{NAME}\b", "n"),
            rule(r"\(", "p", "variable_definitions"),
            rule(r"\{", "p", "type_definition_set"),
            Mixin("basic"),
        ],
        "union_definition": [
            rule(rf"\b{NAME}\b", "n"),
            rule(r"=", "p", "union_definition_variant"),
            Mixin("basic"),
        ],
        "union_definition_variant": [
            rule(rf"\b{NAME}\b", _emit_then("n", 1, ("union_definition_pipe",))),
            Mixin("basic"),
        ],
        "union_definition_pipe": [
            rule(r"\|", _emit_then("p", 1, ("union_definition_variant",))),
            rule(r"(?!\||\s+|\#[^\n]*)", _emit_then((), 2)),
            Mixin("basic"),
        ],
        "type_definition_set": [
            rule(r"\}", _emit_then("p", 2)),
            rule(rf"\b({NAME})(\s*)(\()", _emit_then(("n", "w", "p"), pushes=("variable_definitions",))),
            rule(rf"\b{NAME}\b", "n"),
            rule(r":", "p", "type_names"),
            Mixin("basic"),
        ],
        "arguments": [
            rule(r"\)", _emit_then("p", 1)),
            rule(rf"\b{NAME}\b", "n"),
            rule(r":", "p", "value"),
            Mixin("basic"),
        ],
        "variable_definitions": [
            rule(r"\)", _emit_then("p", 1)),
            rule(rf"\${NAME}\b", "nv"),
            rule(rf"\b{NAME}\b", "n"),
            rule(r":", "p", "type_names"),
            rule(r"=", "p", "value"),
            Mixin("basic"),
        ],
        "type_names": [
            rule(BUILTIN_TYPES, "nb", "#pop"),
            rule(rf"\b{NAME}\b", "n", "#pop"),
            rule(r"\[", "p", "type_name_list"),
            Mixin("basic"),
        ],
        "type_name_list": [
            rule(BUILTIN_TYPES, "nb"),
            rule(rf"\b{NAME}\b", "n"),
            rule(r"\]", _emit_then("p", 2)),
            Mixin("basic"),
        ],
        "selection_set": [
            Mixin("has_directives"),
            rule(r"\}", _close_set),
            rule(rf"\b({NAME})(\s*)(\()", _emit_then(("n", "w", "p"), pushes=("arguments",))),
            rule(rf"\b({NAME})(\s*)(:)", ("n", "w", "p")),
            rule(rf"\b{NAME}\b", "n"),
            rule(r"(\.\.\.)(\s+)(on)\b", ("p", "w", "k")),
            rule(r"\.\.\.", "p"),
            rule(r"\{", "p", "selection_set"),
            Mixin("basic"),
        ],
        "list": [
            rule(r"\]", _close_inside("value")),
            Mixin("value"),
        ],
        "object": [
            rule(r"\}", _close_inside("value")),
            rule(rf"\b({NAME})(\s*)(:)", _emit_then(("n", "w", "p"), pushes=("value",))),
            Mixin("basic"),
        ],
        "value": [
            rule(r'""".*?"""', "s2", flags=re.S),
            rule(rf"\${NAME}\b", _value("nv")),
            rule(r"\b(?:true|false|null)\b", _value("kc")),
            rule(r"[+-]?[0-9]+\.[0-9]+(?:[eE][+-]?[0-9]+)?", _value("mf")),
            rule(r"[+-]?[1-9][0-9]*(?:[eE][+-]?[0-9]+)?", _value("mi")),
            rule(r'"(\\[\\"]|[^"])*"', _value("s2")),
            rule(rf"\b{NAME}\b", _value("n")),
            rule(r"\{", "p", "object"),
            rule(r"\[", "p", "list"),
            Mixin("basic"),
        ],
    }
