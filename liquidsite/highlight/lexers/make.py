"""Makefiles as Rouge 3.30 lexes them; recipe and assignment lines go to the shell lexer."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule
from .shell import ShellLexer

FUNCTIONS = """
    abspath addprefix addsuffix and basename call dir error eval file filter filter-out
    findstring firstword flavor foreach if join lastword notdir or origin patsubst realpath
    shell sort strip subst suffix value warning wildcard word wordlist words
""".split()
STOP = r"(?:\$\(|\$\{|\(|\)|\}|\\|$)"


def _to_shell(lexer: "MakeLexer", match: "re.Match[str]") -> None:
    lexer.delegate(lexer.shell)


def _nested(lexer: "MakeLexer", match: "re.Match[str]") -> None:
    lexer.delegate(lexer.shell)
    lexer.push()


def _groups_then(classes: tuple, state: str):
    def callback(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.groups(*classes)
        lexer.push(state)
    return callback


def _to_body(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("")
    lexer.goto("block_body")


def _end_body(lexer: "MakeLexer", match: "re.Match[str]") -> None:
    lexer.shell = ShellLexer()
    lexer.pop()


class MakeLexer(RegexLexer):
    def __init__(self) -> None:
        super().__init__()
        self.shell = ShellLexer()

    states = {
        "root": [
            rule(r"\s+", ""),
            rule(r"\#.*?\n", "c"),
            rule(r"([-s]?include)((?:[\t ]+[^\t\n #]+)+)", ("k", "sx")),
            rule(r"(ifn?def|ifn?eq)([\t ]+)([^#\n]+)", ("k", "", "nv")),
            rule(r"(?:else|endif)[\t ]*(?=[#\n])", "k"),
            rule(r"(export)([\t ]+)(?=[\w${}()\t -]+\n)", _groups_then(("k", ""), "export")),
            rule(r"export[\t ]+", "k"),
            rule(r"([\w${}().-]+)([\t ]*)([!?:+]?=)", _groups_then(("nv", "", "o"), "shell_line"),
                 flags=re.S),
            rule(r'"(\\\\|\\.|[^"\\])*"', "s2"),
            rule(r"'(\\\\|\\.|[^'\\])*'", "s1"),
            rule(r"([^\n:]+)(:+)([ \t]*)", _groups_then(("nl", "o", ""), "block_header")),
        ],
        "export": [
            rule(r"[\w${}()-]", "nv"),
            rule(r"\n", "", "#pop"),
            rule(r"[\t ]+", ""),
        ],
        "block_header": [
            rule(r"[^,\\\n#]+", "nf"),
            rule(r",", "p"),
            rule(r"\#.*?", "c"),
            rule(r"\\\n", ""),
            rule(r"\\.", ""),
            rule(r"\n", _to_body),
        ],
        "block_body": [
            rule(r"(ifn?def|ifn?eq)([\t ]+)([^#\n]+)(\#.*)?(\n)", ("k", "", "nv", "c", "")),
            rule(r"(else|endif)([\t ]*)(\#.*)?(\n)", ("k", "", "c", "")),
            rule(r"(\t[\t ]*)([@-]?)", _groups_then(("", "p"), "shell_line")),
            rule(r"", _end_body),
        ],
        "shell": [
            rule(r"\$[({][\t ]*\w[\w:=%.]*[\t ]*[)}]", "nv", flags=re.I),
            rule(rf"(\$[({{])([\t ]*)({'|'.join(FUNCTIONS)})([\t ]+)",
                 _groups_then(("nf", "", "nb", ""), "shell_expr"), flags=re.S),
            rule(r"\\.", _to_shell, flags=re.S),
            rule(rf".+?(?={STOP})", _to_shell, flags=re.S),
            rule(STOP, _to_shell),
        ],
        "shell_expr": [
            rule(r"[({]", _nested),
            rule(r"[)}]", "nf", "#pop"),
            Mixin("shell"),
        ],
        "shell_line": [
            rule(r"\n", "", "#pop"),
            Mixin("shell"),
        ],
    }
