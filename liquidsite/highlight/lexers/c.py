"""C and C++ as Rouge 3.30 lexes them.

A line start (state ``bol``) may open a preprocessor directive; a definition that looks
like ``type name(args) {`` has its name as ``nf`` and its other parts lexed afresh.
"""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, States, rule

IDENTIFIER = r"[a-zA-Z_][a-zA-Z0-9_]*"
# Interpolated into a /m regex, Ruby keeps this one's own flags: '.' stops at newlines.
WHITESPACE = r"(?-s:(?:\s|//.*?\n|/[*].*?[*]/)+)"

C_KEYWORDS = frozenset("""
    auto break case const continue default do else enum extern for goto if register
    restricted return sizeof static struct switch typedef union volatile virtual while
    _Alignas _Alignof _Atomic _Generic _Imaginary _Noreturn _Static_assert _Thread_local
""".split())
C_TYPES = frozenset("""
    int long float short double char unsigned signed void jmp_buf FILE DIR div_t ldiv_t
    mbstate_t sig_atomic_t fpos_t clock_t time_t va_list size_t ssize_t off_t wchar_t
    ptrdiff_t wctrans_t wint_t wctype_t _Bool _Complex int8_t int16_t int32_t int64_t
    uint8_t uint16_t uint32_t uint64_t int_least8_t int_least16_t int_least32_t
    int_least64_t uint_least8_t uint_least16_t uint_least32_t uint_least64_t int_fast8_t
    int_fast16_t int_fast32_t int_fast64_t uint_fast8_t uint_fast16_t uint_fast32_t
    uint_fast64_t intptr_t uintptr_t intmax_t uintmax_t char16_t char32_t
""".split())
C_RESERVED = frozenset("""
    __asm __int8 __based __except __int16 __stdcall __cdecl __fastcall __int32 __declspec
    __finally __int61 __try __leave inline _inline __inline naked _naked __naked restrict
    _restrict __restrict thread _thread __thread typename _typename __typename
""".split())
CPP_KEYWORDS = C_KEYWORDS | frozenset("""
    asm auto catch char8_t concept consteval constexpr constinit const_cast co_await
    co_return co_yield delete dynamic_cast explicit export friend mutable namespace new
    operator private protected public reinterpret_cast requires restrict size_of
    static_cast this throw throws typeid typename using virtual final override alignas
    alignof decltype noexcept static_assert thread_local try
""".split())
CPP_TYPES = C_TYPES | {"bool"}
CPP_RESERVED = C_RESERVED | frozenset("""
    __virtual_inheritance __uuidof __super __single_inheritance __multiple_inheritance
    __interface __event
""".split())


def _leave(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.pop()


def _identifier(lexer: "CLexer", match: "re.Match[str]") -> None:
    name = match.group(0)
    if name in lexer.keywords:
        lexer.token("k")
    elif name in lexer.types:
        lexer.token("kt")
    elif name in lexer.reserved:
        lexer.token("kr")
    elif name in lexer.builtins:
        lexer.token("nb")
    else:
        lexer.token("n")


def function_definition(lexer: "CLexer", match: "re.Match[str]") -> None:
    """A definition `type name(args) {`: its parts other than the name lexed afresh (HLSL too)."""
    for index, css in ((1, None), (2, "nf"), (3, None), (4, None), (5, "p")):
        text = match.group(index)
        if css is None:
            lexer.delegate(type(lexer)(), text)
        else:
            lexer.token(css, text)
    if match.group(5) == "{":
        lexer.push("function")


C_STATES: States = {
    "expr_bol": [
        Mixin("inline_whitespace"),
        rule(r"\#if\s0", "c", "if_0"),
        rule(r"\#", "cp", "macro"),
        rule(r"", _leave),
    ],
    "bol": [
        rule(rf"{IDENTIFIER}:(?!:)", "nl"),
        Mixin("expr_bol"),
    ],
    "inline_whitespace": [
        rule(r"[ \t\r]+", ""),
        rule(r"\\\n", ""),
        rule(r"/(\\\n)?[*].*?[*](\\\n)?/", "cm", flags=re.S),
    ],
    "whitespace": [
        rule(r"\n+", "", "bol"),
        rule(r"//(\\.|.)*?$", "c1", "bol"),
        Mixin("inline_whitespace"),
    ],
    "expr_whitespace": [
        rule(r"\n+", "", "expr_bol"),
        Mixin("whitespace"),
    ],
    "statements": [
        Mixin("whitespace"),
        rule(r'(u8|u|U|L)?"', "s", "string"),
        rule(r"(u8|u|U|L)?'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'", "sc", flags=re.I),
        rule(r"(\d+[.]\d*|[.]?\d+)e[+-]?\d+[lu]*", "mf", flags=re.I),
        rule(r"\d+e[+-]?\d+[lu]*", "mf", flags=re.I),
        rule(r"0x[0-9a-f]+[lu]*", "mh", flags=re.I),
        rule(r"0[0-7]+[lu]*", "mo", flags=re.I),
        rule(r"\d+[lu]*", "mi", flags=re.I),
        rule(r"\*/", "err"),
        rule(r"[~!%^&*+=|?:<>/-]", "o"),
        rule(r"[()\[\],.;]", "p"),
        rule(r"\bcase\b", "k", "case"),
        rule(r"(?:true|false|NULL)\b", "nb"),
        rule(IDENTIFIER, _identifier),
    ],
    "case": [
        rule(r":", "p", "#pop"),
        Mixin("statements"),
    ],
    "root": [
        Mixin("expr_whitespace"),
        rule(rf"""
            ([\w*\s]+?[\s*])     # return arguments
            ({IDENTIFIER})        # function name
            (\s*\([^;]*?\))      # signature
            ({WHITESPACE}?)(\{{|;) # open brace or semicolon
        """, function_definition, flags=re.S | re.X),
        rule(r"\{", "p", "function"),
        Mixin("statements"),
    ],
    "function": [
        Mixin("whitespace"),
        Mixin("statements"),
        rule(r";", "p"),
        rule(r"\{", "p", "function"),
        rule(r"\}", "p", "#pop"),
    ],
    "string": [
        rule(r'"', "s", "#pop"),
        rule(r"""\\([\\abfnrtv"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})""", "se"),
        rule(r'[^\\"\n]+', "s"),
        rule(r"\\\n", "s"),
        rule(r"\\", "s"),
    ],
    "macro": [
        Mixin("include"),
        rule(r"[^/\n\\]+", "cp"),
        rule(r"\\.", "cp", flags=re.S),
        Mixin("inline_whitespace"),
        rule(r"/", "cp"),
        rule(r"\n", "cp", "#pop"),
    ],
    "include": [
        rule(r"(include)(\s*)(<[^>]+>)([^\n]*)", ("cp", "", "cpf", "c1")),
        rule(r'(include)(\s*)("[^"]+")([^\n]*)', ("cp", "", "cpf", "c1")),
    ],
    "if_0": [
        rule(r"^\s*\#if", "c", "if_0"),
        rule(r"^\s*\#\s*el(?:se|if)", "c", "#pop"),
        rule(r"^\s*\#\s*endif\b.*?(?<!\\)\n", "c", "#pop", flags=re.S),
        rule(r".*?\n", "c"),
    ],
}


class CLexer(RegexLexer):
    keywords = C_KEYWORDS
    types = C_TYPES
    reserved = C_RESERVED
    builtins: frozenset[str] = frozenset()
    states = C_STATES

    def __init__(self) -> None:
        super().__init__()
        self.push("bol")


DIGITS = r"\d('?\d)*"
HEX = "[0-9a-fA-F]"


class CppLexer(CLexer):
    keywords = CPP_KEYWORDS
    types = CPP_TYPES
    reserved = CPP_RESERVED
    states = {
        **C_STATES,
        "root": [rule(r"(?:__offload|__blockingoffload|__outer)\b", "kp"), *C_STATES["root"]],
        "statements": [
            rule(r"(class|struct)\b", "k", "classname"),
            rule(r"template\b", "k", "template"),
            rule(rf"{DIGITS}(\.{DIGITS})?(?:y|d|h|(?:min)|s|(?:ms)|(?:us)|(?:ns)|i|(?:if)|(?:il))\b", "mx"),
            rule(rf"({DIGITS}[.]({DIGITS})?|[.]{DIGITS})(e[+-]?{DIGITS}[lu]*)?", "mf", flags=re.I),
            rule(rf"{DIGITS}e[+-]?{DIGITS}[lu]*", "mf", flags=re.I),
            rule(rf"0x{HEX}('?{HEX})*[lu]*", "mh", flags=re.I),
            rule(r"0b[01]+('[01]+)*", "mb"),
            rule(r"0[0-7]('?[0-7])*[lu]*", "mo", flags=re.I),
            rule(rf"{DIGITS}[lu]*", "mi", flags=re.I),
            rule(r"\bnullptr\b", "nb"),
            rule(r"""(?:u8|u|U|L)?R"([a-zA-Z0-9_{}\[\]#<>%:;.?*+\-/^&|~!=,"']{,16})\(.*?\)\1\"""", "s", flags=re.S),
            rule(r"(::|<=>)", "o"),
            rule(r"[{}]", "p"),
            *C_STATES["statements"],
        ],
        "classname": [
            rule(IDENTIFIER, "nc", "#pop"),
            Mixin("whitespace"),
            rule(r"[.]{3}", "o"),
            rule(r",", "p", "#pop"),
            rule(r"", _leave),
        ],
        "template": [
            rule(r"[>;]", "p", "#pop"),
            rule(r"typename\b", "k", "classname"),
            Mixin("statements"),
        ],
        "case": [
            rule(r":(?!:)", "p", "#pop"),
            Mixin("statements"),
        ],
    }


class CUDALexer(CppLexer):
    """CUDA: C++ with CUDA's qualifiers and vector types."""

    keywords = CPP_KEYWORDS | frozenset("""
        __global__ __device__ __host__ __noinline__ __forceinline__ __constant__ __shared__
        __managed__ __restrict__
    """.split())
    types = CPP_TYPES | frozenset("""
        char1 char2 char3 char4 uchar1 uchar2 uchar3 uchar4 short1 short2 short3 short4
        ushort1 ushort2 ushort3 ushort4 int1 int2 int3 int4 uint1 uint2 uint3 uint4 long1
        long2 long3 long4 ulong1 ulong2 ulong3 ulong4 longlong1 longlong2 longlong3 longlong4
        ulonglong1 ulonglong2 ulonglong3 ulonglong4 float1 float2 float3 float4 double1
        double2 double3 double4 dim3
    """.split())
