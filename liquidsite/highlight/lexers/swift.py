"""Swift as Rouge 3.30 lexes it.

Ruby's ``\\p{Alpha}`` (Unicode's Alphabetic property) is taken as the letters and letter
numbers: Python's unicodedata has no Other_Alphabetic, so combining vowel signs of Indic
scripts do not continue an identifier here as they do in Rouge.
"""

from __future__ import annotations

import re
from ..engine import ALNUM, ALPHA, Mixin, RegexLexer, States, case_class, rule, unicode_class

KEYWORDS = frozenset("""
    await break case continue default do else fallthrough if in for return switch where while try catch throw
    guard defer repeat
    as dynamicType is new super self Self Type __COLUMN__ __FILE__ __FUNCTION__ __LINE__
    associativity async didSet get infix inout isolated mutating none nonmutating operator override postfix
    precedence prefix set unowned weak willSet throws rethrows precedencegroup
""".split())
DECLARATIONS = frozenset("""
    actor class deinit enum convenience extension final func import init internal lazy let nonisolated optional
    private protocol public required static struct subscript typealias var dynamic indirect associatedtype open
    fileprivate some
""".split())
CONSTANTS = frozenset("true false nil".split())
ASTRAL = "[\U00010000-\U0010ffff]"


def _access(lexer: RegexLexer, match: "re.Match[str]") -> None:
    if match.group(3) == "set":
        lexer.token("kd")
    else:
        lexer.groups("kd", "kd", "err", "kd")


def _unowned(lexer: RegexLexer, match: "re.Match[str]") -> None:
    if match.group(2) in ("safe", "unsafe"):
        lexer.token("kd")
    else:
        lexer.groups("kd", "err", "kd")


def _call(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("kt" if match.group(0)[:1].isupper() else "nf")


def _identifier(lexer: RegexLexer, match: "re.Match[str]") -> None:
    text = match.group(0)
    if text in KEYWORDS:
        lexer.token("k")
    elif text in DECLARATIONS:
        lexer.token("kd")
    elif text in CONSTANTS:
        lexer.token("kc")
    else:
        lexer.token("kt" if text[:1].isupper() else "n")


def _build_states() -> States:
    """Rouge's states; built on first use, as identifiers need Unicode tables."""
    mark_spacing = unicode_class("Mc")
    ident = rf"(?:(?:_|(?!{mark_spacing}){ALPHA}|{ASTRAL})(?:{ALNUM}|_|{ASTRAL})*)"
    word_start = r"(?u:(?=\w))"  # Rouge's leading \b: StringScanner sees nothing before the scan position
    return {
        "bol": [rule(r"#.*", "cp"), Mixin("inline_whitespace"), rule(r"", "", "#pop")],
        "inline_whitespace": [rule(r"\s+", ""), Mixin("has_comments")],
        "whitespace": [
            rule(r"\n+", "", "bol"),
            rule(r"//.*?$", "c1", "bol"),
            Mixin("inline_whitespace"),
        ],
        "has_comments": [rule(r"/[*]", "cm", "nested_comment")],
        "nested_comment": [
            Mixin("has_comments"),
            rule(r"[*]/", "cm", "#pop"),
            rule(r"[^*/]+", "cm"),
            rule(r".", "cm"),
        ],
        "root": [
            Mixin("whitespace"),
            rule(r"\$(([1-9]\d*)?\d)", "nv"),
            rule(r"[()\[\]{}:;,?\\]", "p"),
            rule(r"[-/=+*%<>!&|^.~]+", "o"),
            rule(r'@?"', "s", "dq"),
            rule(r"'(\\.|.)'", "sc"),
            rule(r"(\d+(?:_\d+)*\*|(?:\d+(?:_\d+)*)*\.\d+(?:_\d)*)(e[+-]?\d+(?:_\d)*)?", "mf", flags=re.I),
            rule(r"\d+e[+-]?[0-9]+", "mf", flags=re.I),
            rule(r"0o?[0-7]+(?:_[0-7]+)*", "mo"),
            rule(r"0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*((\.[0-9A-F]+(?:_[0-9A-F]+)*)?p[+-]?\d+)?", "mh"),
            rule(r"0b[01]+(?:_[01]+)*", "mb"),
            rule(r"[\d]+(?:_\d+)*", "mi"),
            rule(rf"@{ident}", "kd"),
            rule(r"(private|internal)(\([ ]*)(\w+)([ ]*\))", _access),
            rule(r"(unowned\([ ]*)(\w+)([ ]*\))", _unowned),
            rule(r"#available\([^)]+\)", "kd"),
            rule(r"(#(?:selector|keyPath)\()([^)]+?(?:[(].*?[)])?)(\))", ("kd", "nf", "kd")),
            rule(r"#(line|file|column|function|dsohandle)", "kd"),
            rule(rf"(let|var)\b(\s*)({ident})", ("k", "", "nv")),
            rule(r"(let|var)\b(\s*)([(])", ("k", "", "p"), "tuple"),
            rule(rf"(?!{word_start}(if|while|for|private|internal|unowned|switch|case)\b){word_start}{ident}"
                 r"(?=(\?|!)?\s*[(])", _call),
            rule(r"as[?!]?(?=\s)", "k"),
            rule(r"try[!]?(?=\s)", "k"),
            rule(rf"(#?(?!default)(?!{case_class(True)}){ident})(\s*)(:)", ("nv", "", "p")),
            rule(ident, _identifier),
            rule(rf"(`)({ident})(`)", ("p", "nv", "p")),
        ],
        "tuple": [
            rule(rf"({ident})", "nv"),
            rule(rf"(`)({ident})(`)", ("p", "nv", "p")),
            rule(r",", "p"),
            rule(r"[(]", "p", "tuple"),
            rule(r"[)]", "p", "#pop"),
            Mixin("inline_whitespace"),
        ],
        "dq": [
            rule(r"""\\[\\0tnr'"]""", "se"),
            rule(r"\\[(]", "se", "interp"),
            rule(r"\\u\{[0-9a-fA-F]{1,8}\}", "se"),
            rule(r'[^\\"]+', "s"),
            rule(r'"""', "s", "#pop"),
            rule(r'"', "s", "#pop"),
        ],
        "interp": [rule(r"[(]", "p", "interp_inner"), rule(r"[)]", "se", "#pop"), Mixin("root")],
        "interp_inner": [rule(r"[(]", "p", "interp_inner"), rule(r"[)]", "p", "#pop"), Mixin("root")],
    }


class SwiftLexer(RegexLexer):
    build_states = staticmethod(_build_states)

    def __init__(self) -> None:
        super().__init__()
        self.push("bol")
