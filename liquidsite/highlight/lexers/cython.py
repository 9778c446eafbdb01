"""Cython as Rouge 3.30 lexes it: Python plus C declarations (``cdef`` blocks by indentation)."""

from __future__ import annotations

import re
from typing import Optional

from ..engine import Mixin, RegexLexer, rule
from .python import BUILTINS, BUILTINS_PSEUDO, EXCEPTIONS, KEYWORDS, PythonLexer

C_KEYWORDS = frozenset("public readonly extern api inline enum union".split())
IDENTIFIER = r"(?i:[a-z_]\w*)"
DOTTED_IDENTIFIER = r"(?i:[a-z_.][\w.]*)"


def _c_definition(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("k")
    lexer.push("c_definitions")
    lexer.push("c_start")


def _struct(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("k", "")
    lexer.push("classname")


def _call(lexer: "CythonLexer", match: "re.Match[str]") -> None:
    name = match.group(0)
    if name in lexer.keywords:
        lexer.token("k")
    elif name in EXCEPTIONS or name in BUILTINS:
        lexer.token("nb")
    elif name in BUILTINS_PSEUDO:
        lexer.token("bp")
    else:
        lexer.token("nf")


def _c_type(lexer: "CythonLexer", match: "re.Match[str]") -> None:
    name = match.group(0)
    if name in lexer.keywords:
        lexer.token("k")
        lexer.pop()
    elif name == "def":
        lexer.token("k")
        lexer.goto("funcname")
    elif name in ("struct", "class"):
        lexer.token("kr")
        lexer.goto("classname")
    elif name in C_KEYWORDS:
        lexer.token("kr")
    else:
        lexer.token("kt")
        lexer.pop()


def _indent(lexer: "CythonLexer", match: "re.Match[str]") -> None:
    lexer.token("")
    lexer.goto("c_start")
    if lexer.indentation is None:
        lexer.indentation = match.group(0)
    elif len(lexer.indentation) > len(match.group(0)):
        lexer.indentation = None
        lexer.pop(2)  # c_start and c_definitions


def _dedent(lexer: "CythonLexer", match: "re.Match[str]") -> None:
    lexer.indentation = None
    lexer.reset_stack()


_SPACE = rule(r"(?:\\\s|\s)+", "")


class CythonLexer(PythonLexer):
    keywords = KEYWORDS | frozenset("by except? fused gil nogil".split())

    def __init__(self) -> None:
        super().__init__()
        self.indentation: Optional[str] = None

    states = {
        **PythonLexer.states,
        "root": [
            rule(r"cp?def|ctypedef", _c_definition),
            rule(rf"(from)((?:\\\s|\s)+)({DOTTED_IDENTIFIER})((?:\\\s|\s)+)(cimport)", ("kn", "", "nn", "", "kn")),
            rule(rf"(cimport)(\s+)({DOTTED_IDENTIFIER})", ("kn", "", "nn")),
            rule(r"(struct)((?:\\\s|\s)+)", _struct),
            Mixin("func_call_fix"),
            rule(r"[(,]", "p", "c_start"),
            *PythonLexer.states["root"],
        ],
        "classname": [_SPACE, *PythonLexer.states["classname"]],
        "funcname": [_SPACE, *PythonLexer.states["funcname"]],
        "func_call_fix": [rule(rf"{IDENTIFIER}(?=\()", _call)],
        "c_start": [
            rule(r"[^\S\n]+", ""),
            rule(r"cp?def|ctypedef", "k"),
            rule(r"(?:un)?signed", "kt"),
            rule(rf"{IDENTIFIER}(?=(?:\*+)|(?:[ \t]*\[)|(?:[ \t]+\w))", _c_type),
            rule(r"", "", "#pop"),
        ],
        "c_definitions": [rule(r"\n", "", "c_indent"), Mixin("root")],
        "c_indent": [rule(r"[ \t]+", _indent), rule(r"", _dedent)],
    }
