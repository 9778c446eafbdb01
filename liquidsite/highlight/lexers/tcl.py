"""Tcl as Rouge 3.30 lexes it: commands and their parameters, in brackets, braces and parens.

Rouge's word characters exclude tabs and line ends but not spaces, so a command line without
brackets or quotes is one token, as here. A ``}`` in a string outside any brace makes Rouge
raise (a count that was never set); here the count goes below zero.
"""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, States, rule

KEYWORDS = frozenset("""
    after apply array break catch continue elseif else error
    eval expr for foreach global if namespace proc rename return
    set switch then trace unset update uplevel upvar variable
    vwait while
""".split())
BUILTINS = frozenset("""
    append bgerror binary cd chan clock close concat dde dict
    encoding eof exec exit fblocked fconfigure fcopy file
    fileevent flush format gets glob history http incr info interp
    join lappend lassign lindex linsert list llength load loadTk
    lrange lrepeat lreplace lreverse lsearch lset lsort mathfunc
    mathop memory msgcat open package pid pkg::create pkg_mkIndex
    platform platform::shell puts pwd re_syntax read refchan
    regexp registry regsub scan seek socket source split string
    subst tell time tm unknown unload
""".split())
WORD_CHAR = r"[^)\]};\n\r\t\v]"
END_WORD = r"[)\]};\n\r\t\v]"
LINE_CHAR = r"[^)\]};\n]"
CLOSING = r"[)\]}]"


def _close_brace(lexer: RegexLexer) -> None:
    """Rouge's way out of a brace: every state down to the innermost ``brace`` is dropped."""
    while lexer.stack[-1] != "brace":
        lexer.pop()
    lexer.pop()
    lexer.token("p", "}")


def _brace_abort(lexer: RegexLexer, match: "re.Match[str]") -> None:
    if "brace" in lexer.stack:
        _close_brace(lexer)
    else:
        lexer.token("err")


def _command_word(lexer: RegexLexer, match: "re.Match[str]") -> None:
    word = match.group(0)
    lexer.token("k" if word in KEYWORDS else "nb" if word in BUILTINS else "")


def _string_open_brace(lexer: "TclLexer", match: "re.Match[str]") -> None:
    lexer.brace_count += 1
    lexer.token("s2")


def _string_close_brace(lexer: "TclLexer", match: "re.Match[str]") -> None:
    if "brace" in lexer.stack and lexer.brace_count == 0:
        _close_brace(lexer)
    else:
        lexer.brace_count -= 1
        lexer.token("s2")


def _close_two(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.pop(2)


def _command_state(name: str) -> list:
    return [
        Mixin("word"),
        rule(rf"#{LINE_CHAR}+", "c1"),
        rule(rf"(?={END_WORD})", "", f"params{name}"),
        rule(rf"{WORD_CHAR}+", _command_word),
        Mixin("whitespace"),
    ]


def _delimiter_states(name: str, close: str, strict: bool) -> States:
    return {
        f"command_in_{name}": _command_state(f"_in_{name}"),
        f"params_in_{name}": [
            rule(close, _close_two),
            rule(CLOSING, "err" if strict else ""),
            Mixin("params"),
        ],
        name: [rule(close, "p", "#pop"), Mixin(f"command_in_{name}")],
    }


class TclLexer(RegexLexer):
    def __init__(self) -> None:
        super().__init__()
        self.brace_count = 0

    states = {
        "word": [
            rule(r"\{\*\}", "k"),
            Mixin("brace_abort"),
            Mixin("interp"),
            rule(r"\{", "p", "brace"),
            rule(r"\(", "p", "paren"),
            rule(r'"', "s2", "string"),
            rule(rf"{WORD_CHAR}+?(?=[(\[{{\"\\])", ""),
        ],
        "brace_abort": [rule(r"\}", _brace_abort)],
        "params": [
            rule(r";", "p", "#pop"),
            rule(r"\n", "", "#pop"),
            rule(r"else|elseif|then", "k"),
            Mixin("word"),
            Mixin("whitespace"),
            rule(rf"{WORD_CHAR}+", ""),
        ],
        **_delimiter_states("brace", r"\}", strict=False),
        **_delimiter_states("paren", r"\)", strict=True),
        **_delimiter_states("bracket", r"\]", strict=True),
        "command": _command_state(""),
        "root": [Mixin("command")],
        "whitespace": [rule(r"\s+", "")],
        "interp": [
            rule(r"\[", "p", "bracket"),
            rule(r"\$[a-z0-9.:-]+", "nv"),
            rule(r"\$\{.*?\}", "nv", flags=re.S),
            rule(r"\$", ""),
            rule(r"\\[0-7]{3}", "se"),
            rule(r"\\x[0-9a-f]{2}", "se", flags=re.I),
            rule(r"\\u[0-9a-f]{4}", "se", flags=re.I),
            rule(r"\\.", "se", flags=re.S),
        ],
        "string": [
            rule(r'"', "s2", "#pop"),
            Mixin("interp"),
            rule(r'[^\\\[$"{}]+', "s2", flags=re.S),
            rule(r"\{", _string_open_brace),
            rule(r"\}", _string_close_brace),
        ],
    }
