"""Visual Basic as Rouge 3.30 lexes it (``vb``, alias ``visualbasic``)."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule

KEYWORDS = frozenset("""
    AddHandler Alias ByRef ByVal CBool CByte CChar CDate CDbl CDec
    CInt CLng CObj CSByte CShort CSng CStr CType CUInt CULng CUShort
    Call Case Catch Class Const Continue Declare Default Delegate
    Dim DirectCast Do Each Else ElseIf End EndIf Enum Erase Error
    Event Exit False Finally For Friend Function Get Global GoSub
    GoTo Handles If Implements Imports Inherits Interface Let
    Lib Loop Me Module MustInherit MustOverride MyBase MyClass
    Namespace Narrowing New Next Not NotInheritable NotOverridable
    Nothing Of On Operator Option Optional Overloads Overridable
    Overrides ParamArray Partial Private Property Protected Public
    RaiseEvent ReDim ReadOnly RemoveHandler Resume Return Select Set
    Shadows Shared Single Static Step Stop Structure Sub SyncLock
    Then Throw To True Try TryCast Using Wend When While Widening
    With WithEvents WriteOnly
""".split())
KEYWORD_TYPES = frozenset("""
    Boolean Byte Char Date Decimal Double Integer Long Object
    SByte Short Single String Variant UInteger ULong UShort
""".split())
OPERATOR_WORDS = frozenset("""
    AddressOf And AndAlso As GetType In Is IsNot Like Mod Or OrElse
    TypeOf Xor
""".split())
BUILTINS = frozenset(("Console", "ConsoleColor"))

# Ruby's /[a-z_]\w*/i: case folding reaches the Kelvin sign and the long s, \w stays ASCII.
ID = r"(?:[a-z_\u212a\u017f])\w*"
UPPER_ID = r"[A-Z]\w*"
# A ``#If``-style directive line.
PREPROCESSOR = r"""
    [#]If\b .*? \bThen
  | [#]ElseIf\b .*? \bThen
  | [#]End \s+ If
  | [#]Const
  | [#]ExternalSource .*? \n
  | [#]End \s+ ExternalSource
  | [#]Region .*? \n
  | [#]End \s+ Region
  | [#]ExternalChecksum
"""
NUMBER_SUFFIX = r"([SILDFR]|US|UI|UL)?"


def _upper_word(lexer: RegexLexer, match: "re.Match[str]") -> None:
    word = match.group(0)
    if word in KEYWORDS:
        lexer.token("k")
    elif word in KEYWORD_TYPES:
        lexer.token("kt")
    elif word in OPERATOR_WORDS:
        lexer.token("ow")
    elif word in BUILTINS:
        lexer.token("nb")
    else:
        lexer.token("n")


def _nothing(lexer: RegexLexer, match: "re.Match[str]") -> None:
    """Rouge's ``rule(//) { :pop! }``: the block returns a symbol and pops nothing."""


def _leave(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.pop()


class VisualBasicLexer(RegexLexer):
    states = {
        "whitespace": [
            rule(r"\s+", ""),
            rule(r"\n", "", "bol"),
            rule(r"rem\b.*?$", "c1", flags=re.I),
            rule(r"%\{.*?%\}", "cm", flags=re.S),
            rule(r"'.*$", "c1"),
        ],
        "bol": [
            rule(r"\s+", ""),
            rule(r"<.*?>", "na"),
            rule(r"", _nothing),
        ],
        "root": [
            Mixin("whitespace"),
            rule(PREPROCESSOR, "cp", flags=re.X),
            rule(r"[.]", "p", "dotted"),
            rule(r"[(){}!#,:]", "p"),
            rule(r"Option\s+(Strict|Explicit|Compare)\s+(On|Off|Binary|Text)", "kd"),
            rule(r"End\b", "k", "end"),
            rule(r"(Dim|Const)\b", "k", "dim"),
            rule(r"(Function|Sub|Property)\b", "k", "funcname"),
            rule(r"(Class|Structure|Enum)\b", "k", "classname"),
            rule(r"(Module|Namespace|Imports)\b", "k", "namespace"),
            rule(UPPER_ID, _upper_word),
            rule(r"&=|[*]=|/=|\\=|\^=|\+=|-=|<<=|>>=|<<|>>|:=|<=|>=|<>|[-&*/\\^+=<>.]", "o"),
            rule(r'"', "s", "string"),
            rule(rf"{ID}[%&@!#$]?", "n", flags=re.I),
            rule(r"\#.*?\#", "l"),
            rule(r"(\d+\.\d*|\d*\.\d+)(f[+-]?\d+)?", "mf", flags=re.I),
            rule(rf"\d+{NUMBER_SUFFIX}", "mi"),
            rule(rf"&H[0-9a-f]+{NUMBER_SUFFIX}", "mi"),
            rule(rf"&O[0-7]+{NUMBER_SUFFIX}", "mi"),
            rule(r"_\n", "k"),
        ],
        "dotted": [
            Mixin("whitespace"),
            rule(ID, "n", "#pop", flags=re.I),
        ],
        "string": [
            rule(r'""', "se"),
            rule(r'"C?', "s", "#pop"),
            rule(r'[^"]+', "s"),
        ],
        "dim": [
            Mixin("whitespace"),
            rule(ID, "nv", "#pop", flags=re.I),
            rule(r"", _leave),
        ],
        "funcname": [
            Mixin("whitespace"),
            rule(ID, "nf", "#pop", flags=re.I),
        ],
        "classname": [
            Mixin("whitespace"),
            rule(ID, "nc", "#pop", flags=re.I),
        ],
        "namespace": [
            Mixin("whitespace"),
            rule(rf"{ID}([.]{ID})*", "nn", "#pop", flags=re.I),
        ],
        "end": [
            Mixin("whitespace"),
            rule(r"(Function|Sub|Property|Class|Structure|Enum|Module|Namespace)\b", "k", "#pop"),
            rule(r"", _leave),
        ],
    }
