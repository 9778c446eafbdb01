"""F# as Rouge 3.30 lexes it."""

from __future__ import annotations

import re

from ..engine import RegexLexer, rule
from .ocaml import COMMENT_STATE, ml_word

KEYWORDS = frozenset("""
    abstract and as assert base begin class default delegate do
    done downcast downto elif else end exception extern false
    finally for fun function global if in inherit inline interface
    internal lazy let let! match member module mutable namespace
    new not null of open or override private public rec return
    return! select static struct then to true try type upcast
    use use! val void when while with yield yield! sig atomic
    break checked component const constraint constructor
    continue eager event external fixed functor include method
    mixin object parallel process protected pure sealed tailcall
    trait virtual volatile
""".split())
KEYOPTS = frozenset(r"""
    != # & && ( ) * \+ , - -. -> . .. : :: := :> ; ;; < <- =
    > >] >} ? ?? [ [< [> [| ] _ ` { {< | |] } ~ |> <| <>
""".split())
WORD_OPERATORS = frozenset("and asr land lor lsl lxor mod or".split())
PRIMITIVES = frozenset("unit int float bool string char list array".split())
OPERATOR = r"[\[\];,{}_()!$%&*+./:<=>?@^|~#-]+"
ID = r"(?i:([a-z][\w']*)|(``[^`\n\r\t]+``))"
UPPER_ID = r"[A-Z][\w']*"


def _operator(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p" if match.group(0) in KEYOPTS else "o")



class FSharpLexer(RegexLexer):
    keywords = KEYWORDS
    word_operators = WORD_OPERATORS
    primitives = PRIMITIVES
    states = {
        "root": [
            rule(r"\s+", ""),
            rule(r"false|true|[(][)]|\[\]", "bp"),
            rule(rf"{UPPER_ID}(?=\s*[.])", "nn", "dotted"),
            rule(UPPER_ID, "nc"),
            rule(r"[(][*](?![)])", "c", "comment"),
            rule(r"//.*?$", "c1"),
            rule(ID, ml_word),
            rule(OPERATOR, _operator),
            rule(r"-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)", "mf", flags=re.I),
            rule(r"0x[0-9a-f][0-9a-f_]*", "mh", flags=re.I),
            rule(r"0o[0-7][0-7_]*", "mo", flags=re.I),
            rule(r"0b[01][01_]*", "mb", flags=re.I),
            rule(r"\d[\d_]*", "mi"),
            rule(r"""'(?:(\\[\\"'ntbr ])|(\\[0-9]{3})|(\\x[0-9a-fA-F]{2}))'""", "sc"),
            rule(r"'[.]'", "sc"),
            rule(r"'", "k"),
            rule(r'"', "s2", "string"),
            rule(rf"[~?]{ID}", "nv"),
        ],
        "comment": COMMENT_STATE,
        "string": [
            rule(r'[^\\"]+', "s2"),
            rule(r"""\\[\\"'ntbr]""", "se"),
            rule(r"\\\d{3}", "se"),
            rule(r"\\x[0-9a-fA-F]{2}", "se"),
            rule(r"\\\n", "s2"),
            rule(r'"', "s2", "#pop"),
        ],
        "dotted": [
            rule(r"\s+", ""),
            rule(r"[.]", "p"),
            rule(rf"{UPPER_ID}(?=\s*[.])", "nn"),
            rule(UPPER_ID, "nc", "#pop"),
            rule(ID, "n", "#pop"),
            rule(r"\[", "p", "#pop"),
        ],
    }
