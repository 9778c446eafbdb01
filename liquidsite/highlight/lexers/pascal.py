"""Pascal as Rouge 3.30 lexes it."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule

KEYWORDS = """
    absolute abstract all and and_then array as asm assembler attribute
    begin bindable case class const constructor delay destructor div do
    downto else end except exit export exports external far file finalization
    finally for forward function goto if implementation import in inc index
    inherited initialization inline interface interrupt is label library
    message mod module near nil not object of on only operator or or_else
    otherwise out overload override packed pascal pow private procedure program
    property protected public published qualified raise read record register
    repeat resident resourcestring restricted safecall segment set shl shr
    stdcall stored string then threadvar to try type unit until uses value var
    view virtual while with write writeln xor
""".split()
TYPES = """
    ansichar ansistring bool boolean byte bytebool cardinal char comp currency
    double dword extended int64 integer iunknown longbool longint longword pansichar
    pansistring pbool pboolean pbyte pbytearray pcardinal pchar pcomp pcurrency
    pdate pdatetime pdouble pdword pextended phandle pint64 pinteger plongint plongword
    pointer ppointer pshortint pshortstring psingle psmallint pstring pvariant pwidechar
    pwidestring pword pwordarray pwordbool real real48 shortint shortstring single
    smallint string tclass tdate tdatetime textfile thandle tobject ttime variant
    widechar widestring word wordbool
""".split()


class PascalLexer(RegexLexer):
    states = {
        "whitespace": [
            rule(r"\s+", ""),
            rule(r"(//).*$\n?", "c1"),
            rule(r"(--).*$\n?", "c1"),
            rule(r"\(\*.*?\*\)", "cm", flags=re.S),
            rule(r"\{.*?\}", "cm", flags=re.S),
        ],
        "root": [
            Mixin("whitespace"),
            rule(r"((0(x|X)[0-9a-fA-F]*)|(([0-9]+\.?[0-9]*)|(\.[0-9]+))((e|E)(\+|-)?[0-9]+)?)"
                 r"(L|l|UL|ul|u|U|F|f|ll|LL|ull|ULL)?", "m"),
            rule(r"\$[0-9A-Fa-f]+", "mh"),
            rule(r"[~!@#$%^&*()+`\-={}\[\]:;<>?,./|\\]", "p"),
            rule(r"'([^']|'')*'", "s"),
            rule(r"(true|false|nil)\b", "nb", flags=re.I),
            rule(rf"\b({'|'.join(KEYWORDS)})\b", "k", flags=re.I),
            rule(rf"\b({'|'.join(TYPES)})\b", "kt", flags=re.I),
            rule(r"@?[_a-z]\w*", "n", flags=re.I),
        ],
    }
