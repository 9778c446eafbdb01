"""Scheme as Rouge 3.30 lexes it."""

from __future__ import annotations

import re

from ..engine import RegexLexer, rule

KEYWORDS = frozenset("""
    lambda define if else cond and or case let let* letrec begin
    do delay set! => quote quasiquote unquote unquote-splicing
    define-syntax let-syntax letrec-syntax syntax-rules
""".split())
BUILTINS = frozenset("""
    * + - / < <= = > >= abs acos angle append apply asin
    assoc assq assv atan boolean? caaaar caaadr caaar caadar
    caaddr caadr caar cadaar cadadr cadar caddar cadddr caddr
    cadr call-with-current-continuation call-with-input-file
    call-with-output-file call-with-values call/cc car cdaaar cdaadr
    cdaar cdadar cdaddr cdadr cdar cddaar cddadr cddar cdddar cddddr
    cdddr cddr cdr ceiling char->integer char-alphabetic? char-ci<=?
    char-ci<? char-ci=? char-ci>=? char-ci>? char-downcase
    char-lower-case? char-numeric? char-ready? char-upcase
    char-upper-case? char-whitespace? char<=? char<? char=? char>=?
    char>? char? close-input-port close-output-port complex? cons
    cos current-input-port current-output-port denominator
    display dynamic-wind eof-object? eq?  equal? eqv? eval
    even? exact->inexact exact? exp expt floor for-each force gcd
    imag-part inexact->exact inexact? input-port? integer->char
    integer? interaction-environment lcm length list list->string
    list->vector list-ref list-tail list?  load log magnitude
    make-polar make-rectangular make-string make-vector map
    max member memq memv min modulo negative? newline not
    null-environment null? number->string number? numerator odd?
    open-input-file open-output-file output-port? pair?  peek-char
    port? positive? procedure? quotient rational? rationalize
    read read-char real-part real?  remainder reverse round
    scheme-report-environment set-car! set-cdr! sin sqrt string
    string->list string->number string->symbol string-append
    string-ci<=?  string-ci<? string-ci=? string-ci>=? string-ci>?
    string-copy string-fill! string-length string-ref
    string-set! string<=? string<? string=? string>=?
    string>? string? substring symbol->string symbol?
    tan transcript-off transcript-on truncate values vector
    vector->list vector-fill! vector-length vector-ref
    vector-set! vector? with-input-from-file with-output-to-file
    write write-char zero?
""".split())
ID = r"[a-z0-9!$%&*+,/:<=>?@^_~|-]+"


def command_word(lexer: "SchemeLexer", match: "re.Match[str]") -> None:
    """The word after an opening parenthesis (Rouge's Scheme and Racket lexers): a keyword, a
    builtin or a function, by the lexer class's lists."""
    name = match.group(0)
    lexer.token("k" if name in lexer.keywords else "nb" if name in lexer.builtins else "nf")
    lexer.pop()



class SchemeLexer(RegexLexer):
    keywords = KEYWORDS
    builtins = BUILTINS
    states = {
        "root": [
            rule(r";.*$", "c1"),
            rule(r"\s+", ""),
            rule(r"-?\d+\.\d+", "mf"),
            rule(r"-?\d+", "mi"),
            rule(r"[+-]inf[.][f0]", "m"),
            rule(r"#b[01]+", "mb"),
            rule(r"#o[0-7]+", "mo"),
            rule(r"#d[0-9]+", "mi"),
            rule(r"#x[0-9a-f]+", "mh", flags=re.I),
            rule(r"#[ei][\d.]+", "mx"),
            rule(r'"(\\\\|\\"|[^"])*"', "s"),
            rule(rf"'{ID}", "ss", flags=re.I),
            rule(r"""#\\([()/'"._!$%& ?=+-]{1}|[a-z0-9]+)""", "sc", flags=re.I),
            rule(r"#t|#f", "no"),
            rule(r"(?:'|#|`|,@|,|\.)", "o"),
            rule(r"(['#])(\s*)(\()", ("ss", "", "p"), flags=re.S),
            rule(r"\(|\[", "p", "command"),
            rule(r"\)|\]", "p"),
            rule(ID, "nv", flags=re.I),
        ],
        "command": [rule(ID, command_word, flags=re.I), rule(r"", "", "#pop")],
    }
