"""Haskell as Rouge 3.30 lexes it."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule

RESERVED = frozenset("""
    _ case class data default deriving do else if in infix infixl infixr instance let
    newtype of then type where
""".split())
ASCII_ESCAPES = "|".join("""
    NUL SOH [SE]TX EOT ENQ ACK BEL BS HT LF VT FF CR S[OI] DLE DC[1-4] NAK SYN ETB CAN EM
    SUB ESC [FGRU]S SP DEL
""".split())
SYMBOLS = r"[:!#$%&*+.\\/<=>?@^|~-]"


def _word(lexer: RegexLexer, match: "re.Match[str]") -> None:
    word = match.group(0)
    if word == "import":
        lexer.token("kr")
        lexer.push("import")
    elif word == "module":
        lexer.token("kr")
        lexer.push("module")
    elif word in RESERVED:
        lexer.token("kr")
    elif re.match(r"'?[A-Z]", word):
        lexer.token("kt")
    else:
        lexer.token("n")


def _quasiquote(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("o", "n", "o")
    lexer.push("quasiquotation")


def _import_as(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("nn", "", "k", "", "n")
    lexer.pop()


def _goto_funclist(classes: tuple):
    def callback(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.groups(*classes)
        lexer.goto("funclist")
    return callback


def _module_list(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("nn", "", "p")
    lexer.push("funclist")


def _char_escape(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("se")
    lexer.goto("character_end")
    lexer.push("escape")


def _char(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("sc")
    lexer.goto("character_end")


class HaskellLexer(RegexLexer):
    states = {
        "basic": [
            rule(r"\s+", "", flags=re.S),
            rule(r"\{-\#", "cp", "comment_preproc"),
            rule(r"\{-", "cm", "comment"),
            rule(r"^--\s+\|.*?$", "cd"),
            rule(r"--(?![!#$%&*+./<=>?@^|_~]).*?$", "c1"),
        ],
        "comment": [
            rule(r"-\}", "cm", "#pop"),
            rule(r"\{-", "cm", "comment"),
            rule(r"[^-{}]+", "cm"),
            rule(r"[-{}]", "cm"),
        ],
        "comment_preproc": [
            rule(r"-\}", "cp", "#pop"),
            rule(r"\{-", "cp", "comment"),
            rule(r"[^-{}]+", "cp"),
            rule(r"[-{}]", "cp"),
        ],
        "root": [
            Mixin("basic"),
            rule(r"'(?=(?:.|\\\S+)')", "sc", "character"),
            rule(r'"', "s", "string"),
            rule(r"\d+e[+-]?\d+", "mf", flags=re.I),
            rule(r"\d+\.\d+(e[+-]?\d+)?", "mf", flags=re.I),
            rule(r"0o[0-7]+", "mo", flags=re.I),
            rule(r"0x[\da-f]+", "mh", flags=re.I),
            rule(r"\d+", "mi"),
            rule(r"[\w']+", _word),
            rule(rf"\\(?!{SYMBOLS}+)", "nf"),
            rule(rf"(<-|::|->|=>|=)(?!{SYMBOLS}+)", "o"),
            rule(rf":{SYMBOLS}*", "o"),
            rule(rf"{SYMBOLS}+", "o"),
            rule(r"\[\s*\]", "kt"),
            rule(r"\(\s*\)", "nb"),
            rule(r"(\[)([_a-z][\w']*)(\|)", _quasiquote),
            rule(r"[\[\](),;`{}]", "p"),
        ],
        "import": [
            rule(r"\s+", ""),
            rule(r'"', "s", "string"),
            rule(r"\bqualified\b", "k"),
            rule(r"([A-Z][\w.]*)(\s+)(as)(\s+)([A-Z][a-zA-Z0-9_.]*)", _import_as),
            rule(r"([A-Z][\w.]*)(\s+)(hiding)(\s+)(\()", _goto_funclist(("nn", "", "k", "", "p"))),
            rule(r"([A-Z][\w.]*)(\s+)(\()", _goto_funclist(("nn", "", "p"))),
            rule(r"[\w.]+", "nn", "#pop"),
        ],
        "module": [
            rule(r"\s+", ""),
            rule(r"([A-Z][\w.]*)(\s+)(\()", _module_list),
            rule(r"\bwhere\b", "kr", "#pop"),
            rule(r"[A-Z][a-zA-Z0-9_.]*", "nn", "#pop"),
        ],
        "funclist": [
            Mixin("basic"),
            rule(r"[A-Z]\w*", "kt"),
            rule(r"(_[\w']+|[a-z][\w']*)", "nf"),
            rule(r",", "p"),
            rule(r"[:!#$%&*+.\\/<=>?@^|~-]+", "o"),
            rule(r"\(", "p", "funclist"),
            rule(r"\)", "p", "#pop"),
        ],
        "character": [
            rule(r"\\", _char_escape),
            rule(r".", _char),
        ],
        "character_end": [
            rule(r"'", "sc", "#pop"),
            rule(r".", "err", "#pop"),
        ],
        "quasiquotation": [
            rule(r"\|\]", "o", "#pop"),
            rule(r"[^|]+", "", flags=re.S),
            rule(r"\|", ""),
        ],
        "string": [
            rule(r'"', "s", "#pop"),
            rule(r"\\", "se", "escape"),
            rule(r'[^\\"]+', "s"),
        ],
        "escape": [
            rule(r"""[abfnrtv"'&\\]""", "se", "#pop"),
            rule(r"\^[\]\[A-Z@^_]", "se", "#pop"),
            rule(ASCII_ESCAPES, "se", "#pop"),
            rule(r"o[0-7]+", "se", "#pop", flags=re.I),
            rule(r"x[\da-f]+", "se", "#pop", flags=re.I),
            rule(r"\d+", "se", "#pop"),
            rule(r"\s+\\", "se", "#pop"),
        ],
    }
