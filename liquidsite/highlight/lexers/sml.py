"""Standard ML as Rouge 3.30 lexes it: declarations open states for the names they bind."""

from __future__ import annotations

import re
from typing import Callable

from ..engine import Mixin, RegexLexer, rule

KEYWORDS = frozenset("""
    abstype and andalso as case datatype do else end exception
    fn fun handle if in infix infixr let local nonfix of op open
    orelse raise rec then type val with withtype while
    eqtype functor include sharing sig signature struct structure
    where
""".split())
SYMBOLIC_RESERVED = frozenset(": | = => -> # :>".split())
ID = r"[\w']+"
SYMBOL = r"[!%&$#/:<=>?@\\~`^|*+-]+"
BREAKOUT_WORDS = "|".join(sorted(KEYWORDS))


def _id_class(word: str) -> str:
    return "kr" if word in KEYWORDS else "p" if word in SYMBOLIC_RESERVED else "n"


def _reserved_push_twice(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("kr")
    lexer.push()
    lexer.push()


def _reserved_push(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("kr")
    lexer.push()


def _qualifier(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("err" if match.group(1) in KEYWORDS else "nn", "p")


def _qualified(lexer: RegexLexer, match: "re.Match[str]") -> None:
    _qualifier(lexer, match)
    lexer.push("dotted")


def _name(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token(_id_class(match.group(0)))


def _last_name(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token(_id_class(match.group(0)))
    lexer.pop()


def _then(css: str, goto: str, push: str = "") -> Callable[[RegexLexer, "re.Match[str]"], None]:
    """A token that replaces the current state by *goto* (and pushes *push* on it)."""
    def action(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.token(css)
        lexer.goto(goto)
        if push:
            lexer.push(push)
    return action


NOT_SYMBOL_EQUALS = rf"=(?!{SYMBOL})"


class SMLLexer(RegexLexer):
    states = {
        "whitespace": [rule(r"\s+", ""), rule(r"[(][*]", "c", "comment")],
        "delimiters": [
            rule(r"[(\[{]", "p", "main"),
            rule(r"[)\]}]", "p", "#pop"),
            rule(r"\b(let|if|local)\b(?!')", _reserved_push_twice),
            rule(r"\b(struct|sig|while)\b(?!')", _reserved_push),
            rule(r"\b(do|else|end|in|then)\b(?!')", "kr", "#pop"),
        ],
        "core": [
            rule(r"[()\[\]{},;_]|[.][.][.]", "p"),
            rule(r'#"', "sc", "char"),
            rule(r'"', "s2", "string"),
            rule(r"~?0x[0-9a-fA-F]+", "mh"),
            rule(r"0wx[0-9a-fA-F]+", "mh"),
            rule(r"0w\d+", "mi"),
            rule(r"~?\d+([.]\d+)?[eE]~?\d+", "mf"),
            rule(r"~?\d+[.]\d+", "mf"),
            rule(r"~?\d+", "mi"),
            rule(r"#\s*[1-9][0-9]*", "nl"),
            rule(rf"#\s*{ID}", "nl"),
            rule(rf"#\s+{SYMBOL}", "nl"),
            rule(r"\b(datatype|abstype)\b(?!')", "kr", "dname"),
            rule(r"(?=\bexception\b(?!'))", "", "ename"),
            rule(r"\b(functor|include|open|signature|structure)\b(?!')", "kr", "sname"),
            rule(r"\b(type|eqtype)\b(?!')", "kr", "tname"),
            rule(rf"'{ID}", "nd"),
            rule(rf"({ID})([.])", _qualified),
            rule(ID, _name),
            rule(SYMBOL, _name),
        ],
        "dotted": [
            rule(rf"({ID})([.])", _qualifier),
            rule(ID, _last_name),
            rule(SYMBOL, _last_name),
        ],
        "root": [rule(r"#!.*?\n", "cp"), rule(r"", "", "main")],
        "main": [
            Mixin("whitespace"),
            rule(r"\b(val|and)\b(?!')", "kr", "vname"),
            rule(r"\b(fun)\b(?!')", _then("kr", "main_fun", "fname")),
            Mixin("delimiters"),
            Mixin("core"),
        ],
        "main_fun": [
            Mixin("whitespace"),
            rule(r"\b(fun|and)\b(?!')", "kr", "fname"),
            rule(r"\bval\b(?!')", _then("kr", "main", "vname")),
            rule(r"[|]", "p", "fname"),
            rule(r"\b(case|handle)\b(?!')", _then("kr", "main")),
            Mixin("delimiters"),
            Mixin("core"),
        ],
        "has_escapes": [
            rule(r'\\[\\"abtnvfr]', "se"),
            rule(r"\\\^[\x40-\x5e]", "se"),
            rule(r"\\[0-9]{3}", "se"),
            rule(r"\\u[0-9a-fA-F]{4}", "se"),
            rule(r"\\\s+\\", "si"),
        ],
        "string": [rule(r'[^"\\]+', "s2"), rule(r'"', "s2", "#pop"), Mixin("has_escapes")],
        "char": [rule(r'[^"\\]+', "sc"), rule(r'"', "sc", "#pop"), Mixin("has_escapes")],
        "breakout": [rule(rf"(?=\b({BREAKOUT_WORDS})\b(?!'))", "", "#pop")],
        "sname": [
            Mixin("whitespace"), Mixin("breakout"),
            rule(ID, "nn"),
            rule(r"", "", "#pop"),
        ],
        "has_annotations": [rule(r"'[\w']*", "nd"), rule(r"[(]", "p", "tyvarseq")],
        "fname": [
            Mixin("whitespace"), Mixin("has_annotations"),
            rule(ID, "nf", "#pop"),
            rule(SYMBOL, "nf", "#pop"),
        ],
        "vname": [
            Mixin("whitespace"), Mixin("has_annotations"),
            rule(rf"({ID})(\s*)({NOT_SYMBOL_EQUALS})", ("nv", "", "p"), "#pop", flags=re.S),
            rule(rf"({SYMBOL})(\s*)({NOT_SYMBOL_EQUALS})", ("nv", "", "p"), flags=re.S),
            rule(ID, "nv", "#pop"),
            rule(SYMBOL, "nv", "#pop"),
            rule(r"", "", "#pop"),
        ],
        "tname": [
            Mixin("whitespace"), Mixin("breakout"), Mixin("has_annotations"),
            rule(r"'[\w']*", "nd"),
            rule(r"[(]", "p", "tyvarseq"),
            rule(NOT_SYMBOL_EQUALS, _then("p", "typbind")),
            rule(ID, "kt"),
            rule(SYMBOL, "kt"),
        ],
        "typbind": [
            Mixin("whitespace"),
            rule(r"\b(and)\b(?!')", _then("kr", "tname")),
            Mixin("breakout"),
            Mixin("core"),
        ],
        "dname": [
            Mixin("whitespace"), Mixin("breakout"), Mixin("has_annotations"),
            rule(r"(=)(\s*)(datatype)\b", ("p", "", "kr"), "#pop"),
            rule(NOT_SYMBOL_EQUALS, _then("p", "datbind", "datcon")),
            rule(ID, "kt"),
            rule(SYMBOL, "kt"),
        ],
        "datbind": [
            Mixin("whitespace"),
            rule(r"\b(and)\b(?!')", _then("kr", "dname")),
            rule(r"\b(withtype)\b(?!')", _then("kr", "tname")),
            rule(r"\bof\b(?!')", "kr"),
            rule(rf"([|])(\s*)({ID})", ("p", "", "nc")),
            rule(rf"([|])(\s+)({SYMBOL})", ("p", "", "nc")),
            Mixin("breakout"),
            Mixin("core"),
        ],
        "ename": [
            Mixin("whitespace"),
            rule(rf"(exception|and)(\s+)({ID})", ("kr", "", "nc")),
            rule(rf"(exception|and)(\s*)({SYMBOL})", ("kr", "", "nc")),
            rule(r"\b(of)\b(?!')", "kr"),
            Mixin("breakout"),
            Mixin("core"),
        ],
        "datcon": [Mixin("whitespace"), rule(ID, "nc", "#pop"), rule(SYMBOL, "nc", "#pop")],
        "tyvarseq": [
            Mixin("whitespace"),
            rule(r"'[\w']*", "nd"),
            rule(ID, "n"),
            rule(r",", "p"),
            rule(r"[)]", "p", "#pop"),
            rule(SYMBOL, "n"),
        ],
        "comment": [
            rule(r"[^(*)]+", "cm"),
            rule(r"[(][*]", "cm", "comment"),
            rule(r"[*][)]", "cm", "#pop"),
            rule(r"[(*)]", "cm"),
        ],
    }
