"""Python as Rouge 3.30 lexes it.

Unlike Pygments, Rouge leaves whitespace and newlines plain, keeps one class for all
string delimiters (``s``), classes builtin exceptions as ``nb`` and ``.`` as punctuation.
"""

from __future__ import annotations

import re

from ..engine import ALNUM, ALPHA, RegexLexer, rule

KEYWORDS = frozenset("""
    assert break continue del elif else except exec finally for global if lambda pass
    print raise return try while yield as with from import yield async await nonlocal
""".split())
BUILTINS = frozenset("""
    __import__ abs all any apply ascii basestring bin bool buffer bytearray bytes callable
    chr classmethod cmp coerce compile complex delattr dict dir divmod enumerate eval
    execfile exit file filter float format frozenset getattr globals hasattr hash hex id
    input int intern isinstance issubclass iter len list locals long map max memoryview
    min next object oct open ord pow property range raw_input reduce reload repr reversed
    round set setattr slice sorted staticmethod str sum super tuple type unichr unicode
    vars xrange zip
""".split())
BUILTINS_PSEUDO = frozenset("self None Ellipsis NotImplemented False True".split())
EXCEPTIONS = frozenset("""
    ArithmeticError AssertionError AttributeError BaseException BlockingIOError
    BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError
    ConnectionError ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError
    EnvironmentError Exception FileExistsError FileNotFoundError FloatingPointError
    FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError
    IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError
    MemoryError ModuleNotFoundError NameError NotADirectoryError NotImplemented
    NotImplementedError OSError OverflowError OverflowWarning PendingDeprecationWarning
    ProcessLookupError RecursionError ReferenceError ResourceWarning RuntimeError
    RuntimeWarning StandardError StopAsyncIteration StopIteration SyntaxError
    SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError
    UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError
    UnicodeTranslateError UnicodeWarning UserWarning ValueError VMSError Warning
    WindowsError ZeroDivisionError
""".split())

# Ruby's [[:alpha:]] and [[:alnum:]] are Unicode-aware.
IDENTIFIER = rf"(?:{ALPHA}|_)(?:{ALNUM}|_)*"
DOTTED_IDENTIFIER = rf"(?:{ALPHA}|[_.])(?:{ALNUM}|[_.])*"
DIGITS = r"[0-9](_?[0-9])*"
DECIMAL = rf"(({DIGITS})?\.{DIGITS}|{DIGITS}\.)"
EXPONENT = rf"e[+-]?{DIGITS}"


def _name(lexer: "PythonLexer", match: "re.Match[str]") -> None:
    word = match.group(0)
    if word in lexer.keywords:
        lexer.token("k")
    elif word in EXCEPTIONS or word in BUILTINS:
        lexer.token("nb")
    elif word in BUILTINS_PSEUDO:
        lexer.token("bp")
    else:
        lexer.token("n")


def _open_string(lexer: "PythonLexer", match: "re.Match[str]") -> None:
    lexer.groups("sa", "s")
    lexer.strings.append((match.group(1).lower(), match.group(2)))
    lexer.push("generic_string")


def _quote(lexer: "PythonLexer", match: "re.Match[str]") -> None:
    lexer.token("s")
    if lexer.strings[-1][1] == match.group(0):
        lexer.strings.pop()
        lexer.pop()


def _brace(lexer: "PythonLexer", match: "re.Match[str]") -> None:
    if "f" in lexer.strings[-1][0]:
        lexer.token("si")
        lexer.push("generic_interpol")
    else:
        lexer.token("s")


def _escape(lexer: "PythonLexer", match: "re.Match[str]") -> None:
    lexer.token("s" if "r" in lexer.strings[-1][0] else "se")
    lexer.pop()


def _recurse(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.delegate(type(lexer)())


def _def(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("k", "")
    lexer.push("funcname")


def _class(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("k", "")
    lexer.push("classname")


class PythonLexer(RegexLexer):
    keywords = KEYWORDS

    def __init__(self) -> None:
        super().__init__()
        self.strings: list[tuple[str, str]] = []  # (prefix, delimiter) of open strings

    states = {
        "root": [
            rule(r"\n+", ""),
            rule(r'^(:)(\s*)([ru]{,2}""".*?""")', ("p", "", "sd"), flags=re.S | re.I),
            rule(r"[^\S\n]+", ""),
            rule(r"#(.*)?\n?", "c1"),
            rule(r"[\[\]{}:(),;.]", "p"),
            rule(r"\\\n", ""),
            rule(r"\\", ""),
            rule(r"(in|is|and|or|not)\b", "ow"),
            rule(r"(<<|>>|//|\*\*)=?", "o"),
            rule(r"[-~+/*%=<>&^|@]=?|!=", "o"),
            rule(rf"(from)((?:\\\s|\s)+)({DOTTED_IDENTIFIER})((?:\\\s|\s)+)(import)",
                 ("kn", "", "nn", "", "kn")),
            rule(rf"(import)(\s+)({DOTTED_IDENTIFIER})", ("kn", "", "nn")),
            rule(r"(def)((?:\s|\\\s)+)", _def),
            rule(r"(class)((?:\s|\\\s)+)", _class),
            rule(r"`.*?`", "sb"),
            rule(r"""([rfbu]{0,2})('''|\"\"\"|['"])""", _open_string, flags=re.I),
            rule(rf"@{DOTTED_IDENTIFIER}", "nd", flags=re.I),
            # Rouge's (?<!\.) lookbehind never sees the dot under StringScanner.
            rule(IDENTIFIER, _name),
            rule(rf"{DECIMAL}({EXPONENT})?j?", "mf", flags=re.I),
            rule(rf"{DIGITS}{EXPONENT}j?", "mf", flags=re.I),
            rule(rf"{DIGITS}j", "mf", flags=re.I),
            rule(r"0b(_?[0-1])+", "mb", flags=re.I),
            rule(r"0o(_?[0-7])+", "mo", flags=re.I),
            rule(r"0x(_?[a-f0-9])+", "mh", flags=re.I),
            rule(r"\d+L", "il"),
            rule(r"([1-9](_?[0-9])*|0(_?0)*)", "mi"),
        ],
        "funcname": [rule(IDENTIFIER, "nf", "#pop")],
        "classname": [rule(IDENTIFIER, "nc", "#pop")],
        "generic_string": [
            rule(r"""[^'"\\{]+""", "s"),
            rule(r"\{\{", "s"),
            rule(r"""'''|\"\"\"|['"]""", _quote),
            rule(r"(?=\\)", "s", "generic_escape"),
            rule(r"\{", _brace),
        ],
        "generic_escape": [
            rule(r"""\\
              ( [\\abfnrtv"']
              | \n
              | newline
              | N\{[a-zA-Z][a-zA-Z\ ]+[a-zA-Z]\}
              | u[a-fA-F0-9]{4}
              | U[a-fA-F0-9]{8}
              | x[a-fA-F0-9]{2}
              | [0-7]{1,3}
              )""", _escape, flags=re.X),
            rule(r"\\.", "s", "#pop"),
        ],
        "generic_interpol": [
            rule(r"[^{}!:]+", _recurse),
            rule(r"![asr]", "si"),
            rule(r":", "si"),
            rule(r"\{", "si", "generic_interpol"),
            rule(r"\}", "si", "#pop"),
        ],
    }
