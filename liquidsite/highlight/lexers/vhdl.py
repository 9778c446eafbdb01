"""VHDL as Rouge 3.30 lexes it (names are case-insensitive)."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule

KEYWORDS = frozenset("""
    access after alias all architecture array assert assume assume_guarantee attribute begin block
    body buffer bus case component configuration constant context cover default disconnect downto
    else elsif end entity exit fairness file for force function generate generic group guarded if
    impure in inertial inout is label library linkage literal loop map new next null of on open
    others out package parameter port postponed procedure process property protected pure range
    record register reject release report return select sequence severity shared signal strong
    subtype then to transport type unaffected units until use variable vmode vprop vunit wait when
    while with
""".split())
TYPES = frozenset("""
    bit bit_vector boolean boolean_vector character integer integer_vector natural positive real
    real_vector severity_level signed std_logic std_logic_vector std_ulogic std_ulogic_vector
    string unsigned time time_vector
""".split())
OPERATOR_WORDS = frozenset("""
    abs and mod nand nor not or rem rol ror sla sll sra srl xnor xor
""".split())
ID = r"[a-zA-Z][a-zA-Z0-9_]*"


def _identifier(lexer: RegexLexer, match: "re.Match[str]") -> None:
    name = match.group(0).lower()
    if name in KEYWORDS:
        lexer.token("k")
    elif name in TYPES:
        lexer.token("kt")
    elif name in OPERATOR_WORDS:
        lexer.token("ow")
    else:
        lexer.token("n")


class VHDLLexer(RegexLexer):
    states = {
        "whitespace": [rule(r"\s+", ""), rule(r"\n", ""), rule(r"--.*$", "c1")],
        "statements": [
            rule(r"-?\d+", "mi"),
            rule(r"-?\d+[.]\d+", "mf"),
            rule(r'[box]?"[^"]*"', "s1", flags=re.I),
            rule(r"'[^']?'", "sc"),
            rule(rf"'{ID}", "na"),  # Rouge interpolates `id` as a Regexp: `/i` stops at it
            rule(r"[(),:;]", "p"),
            rule(r"(?:true|false|null)\b", "nb", flags=re.I),
            rule(ID, _identifier),
            rule(r"=>|[*][*]|:=|/=|>=|<=|<>|\?\?|\?=|\?/=|\?>|\?<|\?>=|\?<=|<<|>>|[#&'*+-./:<=>?@^]", "o"),
        ],
        "root": [Mixin("whitespace"), Mixin("statements")],
    }
