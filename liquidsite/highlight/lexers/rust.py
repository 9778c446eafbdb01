"""Rust as Rouge 3.30 lexes it."""

from __future__ import annotations

import re

from ..engine import XID_CONTINUE, XID_START, Mixin, RegexLexer, rule

KEYWORDS = """
    as async await break const continue crate dyn else enum extern false fn for if impl in
    let log loop match mod move mut pub ref return self Self static struct super trait true
    type unsafe use where while abstract become box do final macro override priv typeof
    unsized virtual yield try union
""".split()
BUILTINS = frozenset("""
    Add BitAnd BitOr BitXor bool c_char c_double c_float char c_int clock_t c_long
    c_longlong Cons Const Copy c_schar c_short c_uchar c_uint c_ulong c_ulonglong c_ushort
    c_void dev_t DIR dirent Div Either Eq Err f32 f64 Failure FILE float fpos_t i16 i32 i64
    i8 isize Index ino_t int intptr_t Left mode_t Modulo Mul Neg Nil None Num off_t Ok
    Option Ord Owned pid_t Ptr ptrdiff_t Right Send Shl Shr size_t Some ssize_t str Sub
    Success time_t u16 u32 u64 u8 usize uint uintptr_t Box Vec String Gc Rc Arc u128 i128
    Result Sync Pin Unpin Sized Drop drop Fn FnMut FnOnce Clone PartialEq PartialOrd AsMut
    AsRef From Into Default DoubleEndedIterator ExactSizeIterator Extend IntoIterator
    Iterator
""".split())

# \p{XID_Start} and \p{XID_Continue}, as Python's identifier classes approximate them.
ID = rf"{XID_START}{XID_CONTINUE}*"
HEX = "[0-9a-fA-F]"
ESCAPES = rf"""(?:\\([nrt'"\\0]|x{HEX}{{2}}|u\{{({HEX}_*){{1,6}}\}}))"""
SIZE = "(?:8|16|32|64|128|size)"
DELIMITERS = {"[": "]", "(": ")", "{": "}"}


def _leave(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.pop()


def _name(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("nb" if match.group(0) in BUILTINS else "n")


def _open(lexer: "RustLexer", match: "re.Match[str]") -> None:
    lexer.macro_delims[DELIMITERS[match.group(0)]] += 1
    lexer.token("p")


def _close(lexer: "RustLexer", match: "re.Match[str]") -> None:
    lexer.macro_delims[match.group(0)] -= 1
    if not any(lexer.macro_delims.values()):
        lexer.pop()
    lexer.token("p")


def _comment_block(css: str, state: str) -> list:
    return [
        rule(r"\*/", css, "#pop"),
        rule(r"/\*", css, state),
        rule(r"[^*/]+|[*/]", css),
    ]


DOT = r"[.][0-9][0-9_]*"
EXP = r"[eE][-+]?[0-9_]+"
FLT = r"(?:f32|f64)"


class RustLexer(RegexLexer):
    def __init__(self) -> None:
        super().__init__()
        self.macro_delims = {"]": 0, ")": 0, "}": 0}
        self.push("bol")

    states = {
        "bol": [
            Mixin("whitespace"),
            rule(r"\#\s[^\n]*", "cs"),
            rule(r"", _leave),
        ],
        "attribute": [
            Mixin("whitespace"),
            Mixin("has_literals"),
            rule(r"[(,)=:]", "nd"),
            rule(r"\]", "nd", "#pop"),
            rule(ID, "nd"),
        ],
        "whitespace": [rule(r"\s+", ""), Mixin("comments")],
        "comments": [
            rule(r"////+[^\n]*", "c1"),
            rule(r"//[/!][^\n]*", "cd"),
            rule(r"//[^\n]*", "c1"),
            rule(r"/\*\*\*?/", "cm"),
            rule(r"/\*\*\*+", "cm", "nested_plain_block"),
            rule(r"/[*][*!]", "cd", "nested_doc_block"),
            rule(r"/[*]", "cm", "nested_plain_block"),
        ],
        "nested_plain_block": _comment_block("cm", "nested_plain_block"),
        "nested_doc_block": _comment_block("cd", "nested_doc_block"),
        "root": [
            rule(r"\n", "", "bol"),
            Mixin("whitespace"),
            rule(r"\#!?\[", "nd", "attribute"),
            rule(rf"\b(?:{'|'.join(KEYWORDS)})\b", "k"),
            Mixin("has_literals"),
            rule(r"[=-]>", "k"),
            rule(r"<->", "k"),
            rule(r"[()\[\]{}|,:;]", "p"),
            rule(r"[*/!@~&+%^<>=?-]|\.{2,3}", "o"),
            rule(rf"([.]\s*)?{ID}(?=\s*[(])", "nf", flags=re.S),
            rule(r"[.]\s*await\b", "k"),
            rule(rf"[.]\s*{ID}", "py"),
            rule(r"[.]\s*\d+", "na"),
            rule(rf"({ID})(::)", ("nn", "p"), flags=re.S),
            rule(r"\bmacro_rules!", "nd", "macro_rules"),
            rule(rf"{ID}!", "nd", "macro"),
            rule(r"'static\b", "k"),
            rule(rf"'{ID}", "nv"),
            rule(ID, _name),
        ],
        "macro": [
            Mixin("has_literals"),
            rule(r"[\[{(]", _open),
            rule(r"[\]})]", _close),
            rule(rf"{ID}!", "nd"),
            Mixin("root"),
            rule(r".", ""),
        ],
        "macro_rules": [
            rule(rf"[$]{ID}(:{ID})?", "nv"),
            rule(r"[$]", "nv"),
            Mixin("macro"),
        ],
        "has_literals": [
            rule(r"\b(?:true|false)\b", "kc"),
            rule(rf"b?'(?:{ESCAPES}|[^\\])'", "sc"),
            rule(r'b?"', "s", "string"),
            rule(r'b?r(\#*)".*?"\1', "s", flags=re.S),
            rule(rf"""[0-9][0-9_]*
                (?:{DOT}(?:{EXP})?(?:{FLT})?
                  |(?:{DOT})?{EXP}(?:{FLT})?
                  |(?:{DOT})?(?:{EXP})?{FLT}
                  |[.](?![._]|{XID_START})
                )""", "mf", flags=re.X),
            rule(rf"(0b[10_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*)(u{SIZE}?|i{SIZE})?", "mi"),
        ],
        "string": [
            rule(r'"', "s", "#pop"),
            rule(ESCAPES, "se"),
            rule(r'[^"\\]+', "s", flags=re.S),
        ],
    }
