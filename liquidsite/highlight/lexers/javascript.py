"""JavaScript as Rouge 3.30 lexes it.

Rouge tracks whether an expression may start (so ``/`` opens a regex), labels object
keys as attributes (``na``) and statement labels as ``nl``; names are ``nx``.
"""

from __future__ import annotations

import re

from ..engine import LETTER_NL, WORD, Mixin, RegexLexer, rule

KEYWORDS = frozenset("""
    as async await break case catch continue debugger default delete do else export
    finally from for if import in instanceof new of return super switch this throw try
    typeof void while yield
""".split())
DECLARATIONS = frozenset("var let const with function class extends constructor get set static".split())
RESERVED = frozenset("enum implements interface package private protected public".split())
CONSTANTS = frozenset("true false null NaN Infinity undefined".split())
BUILTINS = frozenset("""
    Array Boolean Date Error Function Math netscape Number Object Packages RegExp String
    sun decodeURI decodeURIComponent encodeURI encodeURIComponent Error eval isFinite
    isNaN parseFloat parseInt document window navigator self global Promise Set Map
    WeakSet WeakMap Symbol Proxy Reflect Int8Array Uint8Array Uint8ClampedArray
    Int16Array Uint16Array Uint16ClampedArray Int32Array Uint32Array Uint32ClampedArray
    Float32Array Float64Array DataView ArrayBuffer
""".split())

# Ruby's [\p{L}\p{Nl}$_][\p{Word}]*
IDENTIFIER = rf"(?:{LETTER_NL}|[$_]){WORD}*"


def _goto(state: str, css: str):
    def callback(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.token(css)
        lexer.goto(state)
    return callback


def _pop_two_as_error(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("err")
    lexer.pop(2)


def _leave(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.pop()


def _template(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("s2")
    lexer.push("template_string")


def _ternary(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.push("ternary")
    lexer.push("expr_start")


def _decorator(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("p", "nd")
    lexer.push("expr_start")


def _identifier(lexer: "JavascriptLexer", match: "re.Match[str]") -> None:
    word = match.group(0)
    if word in lexer.keywords:
        lexer.token("k")
        lexer.push("expr_start")
    elif word in lexer.declarations:
        lexer.token("kd")
        lexer.push("expr_start")
    elif word in lexer.reserved:
        lexer.token("kr")
    elif word in CONSTANTS:
        lexer.token("kc")
    elif word in lexer.builtins:
        lexer.token("nb")
    else:
        lexer.token("nx")


def _nested_object(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.push()


def _object_key(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("na", "", "p")
    lexer.push("expr_start")


class JavascriptLexer(RegexLexer):
    keywords = KEYWORDS
    declarations = DECLARATIONS
    reserved = RESERVED
    builtins = BUILTINS
    states = {
        "multiline_comment": [
            rule(r"[*]/", "cm", "#pop"),
            rule(r"[^*/]+", "cm"),
            rule(r"[*/]", "cm"),
        ],
        "comments_and_whitespace": [
            rule(r"\s+", ""),
            rule(r"<!--", "c"),
            rule(r"//.*?$", "c1"),
            rule(r"/[*]", "cm", "multiline_comment"),
        ],
        "expr_start": [
            Mixin("comments_and_whitespace"),
            rule(r"/", _goto("regex", "sr")),
            rule(r"[{]", _goto("object", "p")),
            rule(r"", "", "#pop"),
        ],
        "regex": [
            rule(r"/", _goto("regex_end", "sr")),
            rule(r"[^/]\n", "err", "#pop"),
            rule(r"\n", "err", "#pop"),
            rule(r"\[\^", "se", "regex_group"),
            rule(r"\[", "se", "regex_group"),
            rule(r"\\.", "se"),
            rule(r"[(][?][:=<!]", "se"),
            rule(r"[{][\d,]+[}]", "se"),
            rule(r"[()?]", "se"),
            rule(r".", "sr"),
        ],
        "regex_end": [
            rule(r"[gimuy]+", "sr", "#pop"),
            rule(r"", _leave),
        ],
        "regex_group": [
            rule(r"/", "se"),
            rule(r"[^/]\n", _pop_two_as_error),
            rule(r"\]", "se", "#pop"),
            rule(r"\\.", "se"),
            rule(r".", "sr"),
        ],
        "root": [
            # Rouge anchors this with \A, which StringScanner honours at every position;
            # its (?<=\n) rule after it can never match there and is left out.
            rule(r"\s*\#!.*?\n", "cp", "statement", flags=re.S),
            Mixin("comments_and_whitespace"),
            rule(r"\+\+|--|~|\?\?=?|&&|\|\||\\(?=\n)|<<|>>>?|===|!==", "o", "expr_start"),
            rule(r"[-<>+*%&|\^/!=]=?", "o", "expr_start"),
            rule(r"[(\[,]", "p", "expr_start"),
            rule(r";", "p", "statement"),
            rule(r"[)\].]", "p"),
            rule(r"`", _template),
            rule(r"[?][.]", "p"),
            rule(r"[?]", _ternary),
            rule(r"(@)(\w+)?", _decorator),
            rule(r"[{}]", "p", "statement"),
            rule(IDENTIFIER, _identifier, flags=re.I),
            rule(r"[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?", "mf"),
            rule(r"0x[0-9a-fA-F]+", "mh", flags=re.I),
            rule(r"0o[0-7][0-7_]*", "mo", flags=re.I),
            rule(r"0b[01][01_]*", "mb", flags=re.I),
            rule(r"[0-9]+", "mi"),
            rule(r'"', "dl", "dq"),
            rule(r"'", "dl", "sq"),
            rule(r":", "p"),
        ],
        "dq": [
            rule(r'\\[\\nrt"]?', "se"),
            rule(r'[^\\"]+', "s2"),
            rule(r'"', "dl", "#pop"),
        ],
        "sq": [
            rule(r"\\[\\nrt']?", "se"),
            rule(r"[^\\']+", "s1"),
            rule(r"'", "dl", "#pop"),
        ],
        "statement": [
            rule(r"case\b", _goto("expr_start", "k")),
            rule(rf"({IDENTIFIER})(\s*)(:)", ("nl", "", "p")),
            Mixin("expr_start"),
        ],
        "object": [
            Mixin("comments_and_whitespace"),
            rule(r"[{]", _nested_object),
            rule(r"[}]", _goto("statement", "p")),
            rule(rf"({IDENTIFIER})(\s*)(:)", _object_key),
            rule(r":", "p"),
            Mixin("root"),
        ],
        "ternary": [
            rule(r":", _goto("expr_start", "p")),
            Mixin("root"),
        ],
        "template_string": [
            rule(r"[$]\{", "p", "template_string_expr"),
            rule(r"`", "s2", "#pop"),
            rule(r"\\[$`]", "se"),
            rule(r"[^$`\\]+", "s2"),
            rule(r"[\\$]", "s2"),
        ],
        "template_string_expr": [
            rule(r"\}", "p", "#pop"),
            Mixin("root"),
        ],
    }


def _typed_label(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("nl", "p", "", "p")
    lexer.push("expr_start")


class TypescriptLexer(JavascriptLexer):
    """TypeScript: Rouge's JavaScript lexer with more words and typed labels."""

    keywords = KEYWORDS | frozenset("is namespace static private protected public implements readonly".split())
    declarations = DECLARATIONS | {"type", "abstract"}
    reserved = RESERVED | frozenset("string any void number namespace module declare default interface keyof".split())
    builtins = BUILTINS | {"Pick", "Partial", "Readonly", "Record"}
    states = {
        **JavascriptLexer.states,
        "root": [rule(r"[?][.]", "p"), rule(r"[?]{2}", "o"), *JavascriptLexer.states["root"]],
        "statement": [
            rule(rf"({IDENTIFIER})(\??)(\s*)(:)", _typed_label, flags=re.I),
            *JavascriptLexer.states["statement"],
        ],
    }
