"""Lean (3) as Rouge 3.30 lexes it."""

from __future__ import annotations

import re

from ..engine import RegexLexer, rule

KEYWORDS = frozenset("""
    abbreviation add_rewrite alias assume axiom begin by calc calc_refl calc_subst calc_trans
    #check coercion conjecture constant constants context corollary def definition end #eval
    example export expose exposing exit extends from fun have help hiding hott hypothesis import
    include including inductive infix infixl infixr inline instance irreducible lemma match
    namespace notation opaque opaque_hint open options parameter parameters postfix precedence
    prefix #print private protected #reduce reducible renaming repeat section set_option show
    tactic_hint theorem universe universes using variable variables with
""".split())
TYPES = frozenset(("Sort", "Prop", "Type"))
# Rouge's operator alternation in its order (its "/\ \/" word reads as "/ \/").
OPERATORS = (
    r"!=|#|&|&&|\*|\+|-|/|@|!|`|-\.|->|\.|\.\.|\.\.\.|::|:>|;|;;|<|<-|=|==|>|_|\||\|\||~|=>|<=|>=|/ \/"
    "|∀|Π|λ|↔|∧|∨|≠|≤|≥|⊎|¬|⁻¹|⬝|▸|→|∃|ℕ|ℤ|≈|×|⌞|⌟|≡|⟨|⟩"
)


def _word(lexer: RegexLexer, match: "re.Match[str]") -> None:
    word = match.group(0)
    lexer.token("k" if word in KEYWORDS else "kt" if word in TYPES else "n")


class LeanLexer(RegexLexer):
    states = {
        "root": [
            rule(r"\s*--+\s+.*?$", "cd"),
            rule(r'"', "s", "string"),
            rule(r"\d+", "mi"),
            rule(r"#?\w+", _word),
            rule(r"[λ]", "k"),
            rule(r":=?", ""),
            rule(r"\.[0-9]*", "o"),
            rule(OPERATORS, "o"),
            rule(r"[\s(),\[\]αβ‹›]+", ""),
            rule(r".", "err"),
        ],
        "string": [
            rule(r'"', "s", "#pop"),
            rule(r"\\", "se", "escape"),
            rule(r'[^\\"]+', "s"),
        ],
        "escape": [
            rule(r"""[nrt"'\\]""", "se", "#pop"),
            rule(r"x[\da-f]+", "se", "#pop", flags=re.I),
        ],
    }
