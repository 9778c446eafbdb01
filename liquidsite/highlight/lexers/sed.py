"""sed scripts as Rouge 3.30 lexes them: regexes and replacements go to two small lexers
that keep their state across the script.

Rouge's rule for a substitution's ``w file`` flag emits the whole match three times (as a
keyword, text and a name); so does this one.
"""

from __future__ import annotations

import re
from typing import Callable

from ..engine import Mixin, RegexLexer, rule

EDOT = r"(?s:\\.|.)"


def _goto_brackets(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")  # nothing for the empty match
    lexer.goto("brackets_int")


class SedRegexLexer(RegexLexer):
    states = {
        "root": [
            rule(r"\\.", "se"),
            rule(r"\[", "p", "brackets"),
            rule(r"[$^.*]", "o"),
            rule(r"[()]", "p"),
            rule(r".", "sr"),
        ],
        "brackets": [rule(r"\^", _goto_brackets), rule(r"", _goto_brackets)],
        "brackets_int": [rule(r".-.", "nv"), rule(r"\]", "p", "#pop"), rule(r".", "sr")],
    }


class SedReplacementLexer(RegexLexer):
    states = {"root": [rule(r"\\.", "se", flags=re.S), rule(r"&", "o"), rule(r"[^\\&]+", "", flags=re.S)]}


def _end_command(css: str) -> Callable[[RegexLexer, "re.Match[str]"], None]:
    """A token that ends the command: Rouge resets the state stack."""
    def action(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.token(css)
        lexer.reset_stack()
    return action


def _substitute(lexer: "SedLexer", match: "re.Match[str]") -> None:
    lexer.token("k", match.group(1))
    lexer.token("p", match.group(2))
    lexer.delegate(lexer.regex, match.group(3))
    lexer.token("p", match.group(4))
    lexer.delegate(lexer.replacement, match.group(5))
    lexer.token("p", match.group(6))
    lexer.goto("flags")


def _transliterate(lexer: "SedLexer", match: "re.Match[str]") -> None:
    lexer.token("k", match.group(1))
    lexer.token("p", match.group(2))
    lexer.delegate(lexer.replacement, match.group(3))
    lexer.token("p", match.group(4))
    lexer.delegate(lexer.replacement, match.group(5))
    lexer.token("p", match.group(6))
    lexer.pop()


def _address_regex(lexer: "SedLexer", match: "re.Match[str]") -> None:
    lexer.token("kn", match.group(1))
    lexer.delegate(lexer.regex, match.group(2))
    lexer.token("kn", match.group(3))


def _address_custom_regex(lexer: "SedLexer", match: "re.Match[str]") -> None:
    lexer.token("kn", match.group(1) + match.group(2))
    lexer.delegate(lexer.regex, match.group(3))
    lexer.token("kn", match.group(4))


def _write_flag(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("k")
    lexer.token("")
    lexer.token("n")


class SedLexer(RegexLexer):
    def __init__(self) -> None:
        super().__init__()
        self.regex = SedRegexLexer()
        self.replacement = SedReplacementLexer()

    states = {
        "whitespace": [
            rule(r"\s+", "", flags=re.S),
            rule(r"#.*?\n", _end_command("c")),
            rule(r"\n", _end_command("")),
            rule(r";", _end_command("p")),
        ],
        "root": [Mixin("addr_range")],
        "command": [
            Mixin("whitespace"),
            rule(rf"(s)(.)({EDOT}*?)(\2)({EDOT}*?)(\2)", _substitute, flags=re.S),
            rule(rf"(y)(.)({EDOT}*?)(\2)({EDOT}*?)(\2)", _transliterate, flags=re.S),
            rule(r"([aic])(\s*)", ("k", ""), ("#pop", "text")),
            rule(r"[pd]", "k"),
            rule(r"([qQl])(\s+)(\d+)", ("k", "", "m"), "#pop", flags=re.I),
            rule(r"[={}dDgGhHlnpPqx]", "k", "#pop"),
            rule(r"([rRwW])(\s+)(\S+)", ("k", "", "n"), "#pop"),
            rule(r"([:btT])(\s+)(\S+)", ("k", "", "nl"), "#pop"),
        ],
        "addr_range": [
            Mixin("whitespace"),
            rule(r"\d+", "kn"),
            rule(r"[$,~+!]", "kn"),
            rule(r"(/)((?:\\.|.)*?)(/)", _address_regex),
            rule(r"(\\)(.)((?:\\.|.)*?)(\2)", _address_custom_regex),
            rule(r"", "", "command"),
        ],
        "text": [
            rule(r"[^\\\n]+", "s"),
            rule(r"\\\n", "se"),
            rule(r"\\", "s"),
            rule(r"\n", "", "#pop"),
        ],
        "flags": [
            rule(r"[gp]+", "k", "#pop"),
            rule(r"([wW])(\s+)(\S+)", _write_flag),
            rule(r"", "", "#pop"),
        ],
    }
