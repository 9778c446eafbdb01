"""Ruby as Rouge 3.30 lexes it.

Rouge tracks whether an expression may start (``/`` opening a regex, ``?a`` a char),
queues heredocs until the end of the line, and builds a state per ``%``-literal
delimiter. Lookbehinds in Rouge's rules never see the text before the scan position, so
they are left out here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..engine import Mixin, RegexLexer, rule

KEYWORDS = r"""
    BEGIN END alias begin break case defined\? do else elsif end ensure for if in next
    redo rescue raise retry return super then undef unless until when while yield
""".split()
KEYWORDS_PSEUDO = """
    loop include extend raise alias_method attr catch throw private module_function
    public protected true false nil __FILE__ __LINE__
""".split()
BUILTINS_G = r"""
    attr_reader attr_writer attr_accessor __id__ __send__ abort ancestors at_exit autoload
    binding callcc caller catch chomp chop class_eval class_variables clone
    const_defined\? const_get const_missing const_set constants display dup eval exec
    exit extend fail fork format freeze getc gets global_variables gsub hash id
    included_modules inspect instance_eval instance_method instance_methods
    instance_variable_get instance_variable_set instance_variables lambda load
    local_variables loop method method_missing methods module_eval name object_id open p
    print printf private_class_method private_instance_methods private_methods proc
    protected_instance_methods protected_methods public_class_method
    public_instance_methods public_methods putc puts raise rand readline readlines require
    require_relative scan select self send set_trace_func singleton_methods sleep split
    sprintf srand sub syscall system taint test throw to_a to_s trace_var trap untaint
    untrace_var warn
""".split()
BUILTINS_Q = """
    autoload block_given const_defined eql equal frozen include instance_of is_a iterator
    kind_of method_defined nil private_method_defined protected_method_defined
    public_method_defined respond_to tainted
""".split()
BUILTINS_B = "chomp chop exit gsub sub".split()

DELIMITER_PAIRS = {"{": "}", "[": "]", "(": ")", "<": ">"}
DECIMAL = r"[\d]+(?:_\d+)*"
EXPONENT = r"(?i:e[+-]?\d+)"


def _goto(state: str, css: str):
    def callback(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.token(css)
        lexer.goto(state)
    return callback


def _leave(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.pop()


@lru_cache(maxsize=None)
def _sigil_state(opening: str, closing: str, interpolating: bool, css: str) -> list:
    """The rules for the body of a %-literal delimited by *opening* ... *closing*."""
    chars = re.escape(opening) + (re.escape(closing) if closing != opening else "")
    rules: list = [rule(rf"\\[#{chars}\\]", "se")]
    if opening != closing:
        def nest(lexer: RegexLexer, match: "re.Match[str]") -> None:
            lexer.token(css)
            lexer.push()
        rules.append(rule(re.escape(opening), nest))
    rules.append(rule(re.escape(closing), css, "#pop"))
    if interpolating:
        rules += [Mixin("string_intp_escaped"), rule(r"\#", css)]
    else:
        rules.append(rule(r"[\\#]", css))
    rules.append(rule(rf"[^#{chars}\\]+", css, flags=re.S))
    return rules


def _sigil(lexer: RegexLexer, match: "re.Match[str]") -> None:
    kind, opening = match.group(1), match.group(2)
    css = "sx"
    if kind == "r":
        css = "sr"
        lexer.push("regex_flags")
    lexer.token(css)
    closing = DELIMITER_PAIRS.get(opening, opening)
    lexer.push(_sigil_state(opening, closing, bool(kind) and kind in "rQWxI", css))


def _heredoc(lexer: "RubyLexer", match: "re.Match[str]") -> None:
    lexer.token("o", match.group(1))
    lexer.token("no", "".join(match.group(i) or "" for i in (2, 3, 4)))
    lexer.heredocs.append((match.group(1) in ("<<-", "<<~"), match.group(3)))
    if not lexer.state_is("heredoc_queue"):
        lexer.push("heredoc_queue")


def _empty_heredoc(lexer: "RubyLexer", match: "re.Match[str]") -> None:
    lexer.token("o", match.group(1))
    lexer.token("no", match.group(2) + match.group(3))
    lexer.heredocs.append((match.group(1) in ("<<-", "<<~"), ""))
    if not lexer.state_is("heredoc_queue"):
        lexer.push("heredoc_queue")


def _resolve_heredocs(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.goto("resolve_heredocs")


def _heredoc_end(lexer: "RubyLexer", match: "re.Match[str]") -> None:
    tolerant, name = lexer.heredocs[0]
    line = match.group(0)
    check = line.strip(" \t\n\v\f\r\0") if tolerant else line.rstrip(" \t\n\v\f\r\0")
    if check == name:
        lexer.heredocs.pop(0)
        if not lexer.heredocs:
            lexer.pop()
        lexer.token("no")
    else:
        lexer.token("sh")
    lexer.pop()


def _funcname(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("nc", "o", "nf")
    lexer.pop()


def _class_paren(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.push("defexpr")
    lexer.push("expr_start")


def _def(state: str):
    def callback(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.groups("k", "")
        lexer.push(state)
    return callback


def _ternary(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("p")
    lexer.push("ternary")
    lexer.push("expr_start")


def _ternary_colon_space(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("p", "")
    lexer.goto("expr_start")


def _defexpr_close(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("p", "o")
    lexer.pop()


def _method(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("p", "", "nf")
    lexer.push("method_call")


def _spaced(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.goto("method_call_spaced")


def _space_then_expr(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("")
    lexer.goto("expr_start")


def _percent_word(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("", "sx")
    lexer.pop()


def _simple(css: str, final: str) -> list:
    return [
        Mixin("string_intp_escaped"),
        rule(rf"[^\\{re.escape(final)}#]+", css, flags=re.S),
        rule(r"[\\#]", css),
        rule(re.escape(final), css, "#pop"),
    ]


class RubyLexer(RegexLexer):
    def __init__(self) -> None:
        super().__init__()
        self.push("expr_start")
        self.heredocs: list[tuple[bool, str]] = []  # (indented end allowed, name)

    states = {
        "symbols": [
            rule(r"""
                :              # initial :
                @{0,2}         # optional ivar, for :@foo and :@@foo
                [a-z_]\w*[!?]? # the symbol
            """, "ss", flags=re.X | re.I),
            rule(r":(?:\*\*|[-+]@|[/%&|^`~]|\[\]=?|<<|>>|<=?>|<=?|===?)", "ss"),
            rule(r":'(\\\\|\\'|[^'])*'", "ss"),
            rule(r':"', "ss", "simple_sym"),
        ],
        "sigil_strings": [rule(r"%([rqswQWxiI])?([^\w\s])", _sigil)],
        "strings": [
            Mixin("symbols"),
            rule(r"\b[a-z_]\w*?[?!]?:\s+", "ss", "expr_start"),
            rule(r"'(\\\\|\\'|[^'])*'", "s1"),
            rule(r'"', "s2", "simple_string"),
            rule(r"`", "sb", "simple_backtick"),
        ],
        "regex_flags": [rule(r"[mixounse]*", "sr", "#pop")],
        "simple_string": _simple("s2", '"'),
        "simple_sym": _simple("ss", '"'),
        "simple_backtick": _simple("sb", "`"),
        "whitespace": [
            Mixin("inline_whitespace"),
            rule(r"\n\s*", "", "expr_start", flags=re.S),
            rule(r"\#.*$", "c1"),
            rule(r"=begin\b.*?\n=end\b", "cm", flags=re.S),
        ],
        "inline_whitespace": [rule(r"[ \t\r]+", "")],
        "root": [
            Mixin("whitespace"),
            rule(r"__END__", "cp", "end_part"),
            rule(r"0_?[0-7]+(?:_[0-7]+)*", "mo"),
            rule(r"0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*", "mh"),
            rule(r"0b[01]+(?:_[01]+)*", "mb"),
            rule(rf"{DECIMAL}(?:\.{DECIMAL}{EXPONENT}?|{EXPONENT})", "mf"),
            rule(DECIMAL, "mi"),
            rule(r"@@[a-z_]\w*", "vc", flags=re.I),
            rule(r"@[a-z_]\w*", "vi", flags=re.I),
            rule(r"\$\w+", "vg"),
            rule(r"""\$[!@&`'+~=/\\,;.<>_*$?:"]""", "vg"),
            rule(r"\$-[0adFiIlpvw]", "vg"),
            rule(r"::", "o"),
            Mixin("strings"),
            rule(rf"(?:{'|'.join(KEYWORDS)})(?=\W|$)", "k", "expr_start"),
            rule(rf"(?:{'|'.join(KEYWORDS_PSEUDO)})\b", "kp", "expr_start"),
            rule(r"(module)(\s+)([a-zA-Z_][a-zA-Z0-9_]*(::[a-zA-Z_][a-zA-Z0-9_]*)*)", ("k", "", "nn")),
            rule(r"(def\b)(\s*)", _def("funcname")),
            rule(r"(class\b)(\s*)", _def("classname")),
            rule(rf"(?:{'|'.join(BUILTINS_Q)})[?]", "nb", "expr_start"),
            rule(rf"(?:{'|'.join(BUILTINS_B)})!", "nb", "expr_start"),
            rule(rf"(?:{'|'.join(BUILTINS_G)})\b", "nb", "method_call"),
            Mixin("has_heredocs"),
            rule(r"\.{2,3}", "o", "expr_start"),
            rule(r"[A-Z][a-zA-Z0-9_]*", "no", "method_call"),
            rule(r"(\.|::)(\s*)([a-z_]\w*[!?]?|[*%&^`~+-/\[<>=])", _method),
            rule(r"[a-zA-Z_]\w*[?!]", "n", "expr_start"),
            rule(r"[a-zA-Z_]\w*", "n", "method_call"),
            rule(r"\*\*|<<?|>>?|>=|<=|<=>|=~|={3}|!~|&&?|\|\||\.", "o", "expr_start"),
            rule(r"[-+/*%=<>&!^|~]=?", "o", "expr_start"),
            rule(r"[?]", _ternary),
            rule(r"[\[({,:\\;/]", "p", "expr_start"),
            rule(r"[\])}]", "p"),
        ],
        "has_heredocs": [
            rule(r"""(<<[-~]?)(["`']?)([a-zA-Z_]\w*)(\2)""", _heredoc),
            rule(r"""(<<[-~]?)(["'])(\2)""", _empty_heredoc),
        ],
        "heredoc_queue": [
            rule(r"(?=\n)", _resolve_heredocs),
            Mixin("root"),
        ],
        "resolve_heredocs": [
            Mixin("string_intp_escaped"),
            rule(r"\n", "sh", "test_heredoc"),
            rule(r"[#\\\n]", "sh"),
            rule(r"[^#\\\n]+", "sh"),
        ],
        "test_heredoc": [
            rule(r"[^#\\\n]*$", _heredoc_end),
            rule(r"", _leave),
        ],
        "funcname": [
            rule(r"\s+", ""),
            rule(r"\(", "p", "defexpr"),
            rule(r"""
                (?:([a-zA-Z_]\w*)(\.))?
                (
                  [a-zA-Z_]\w*[!?]? |
                  \*\*? | [-+]@? | [/%&|^`~] | \[\]=? |
                  <<? | >>? | <=>? | >= | ===?
                )
            """, _funcname, flags=re.X),
            rule(r"", _leave),
        ],
        "classname": [
            rule(r"\s+", ""),
            rule(r"\w+(::\w+)+", "nc"),
            rule(r"\(", _class_paren),
            rule(r"<<", _goto("expr_start", "o")),
            rule(r"[A-Z_]\w*", "nc", "#pop"),
            rule(r"", _leave),
        ],
        "ternary": [
            rule(r"(:)(\s+)", _ternary_colon_space),
            rule(r":(?![^#\n]*?[:\\])", _goto("expr_start", "p")),
            Mixin("root"),
        ],
        "defexpr": [
            rule(r"(\))(\.|::)?", _defexpr_close),
            rule(r"\(", _class_paren),
            Mixin("root"),
        ],
        "in_interp": [
            rule(r"\}", "si", "#pop"),
            Mixin("root"),
        ],
        "string_intp": [
            rule(r"[#][{]", "si", "in_interp"),
            rule(r"\#(@@?|\$)[a-z_]\w*", "si", flags=re.I),
        ],
        "string_intp_escaped": [
            Mixin("string_intp"),
            rule(r"""\\([\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})""", "se"),
            rule(r"\\.", "se"),
        ],
        "method_call": [
            rule(r"/|%", _goto("expr_start", "o")),
            rule(r"(?=\n)", _leave),
            rule(r"", _spaced),
        ],
        "method_call_spaced": [
            Mixin("whitespace"),
            rule(r"[%/]=", _goto("expr_start", "o")),
            rule(r"(/)(?=\S|\s*/)", _goto("slash_regex", "sr")),
            Mixin("sigil_strings"),
            rule(r"(?=\s*/)", _leave),
            rule(r"\s+", _space_then_expr),
            rule(r"", _leave),
        ],
        "expr_start": [
            Mixin("inline_whitespace"),
            rule(r"/", _goto("slash_regex", "sr")),
            rule(r"""
                [?](\\[MC]-)*     # modifiers
                (\\([\\abefnrstv\#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})|\S)
                (?!\w)
            """, "sc", "#pop", flags=re.X),
            rule(r"(\s*)(%[rqswQWxiI]? \S* )", _percent_word),
            Mixin("sigil_strings"),
            rule(r"", _leave),
        ],
        "slash_regex": [
            Mixin("string_intp"),
            rule(r"\\\\", "sr"),
            rule(r"\\/", "sr"),
            rule(r"[\\#]", "sr"),
            rule(r"[^\\/#]+", "sr", flags=re.S),
            rule(r"/", _goto("regex_flags", "sr")),
        ],
        "end_part": [rule(r".+", "cp", "#pop", flags=re.S)],
    }
