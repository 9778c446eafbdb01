"""Coq as Rouge 3.30 lexes it: a dotted name is namespaces then one classified word.

Rouge loops forever on ``Set Printing All .`` (whitespace before the dot of a set-option
sentence); here that whitespace is plain and the sentence ends normally.
"""

from __future__ import annotations

import re

from ..engine import RegexLexer, rule
from .ocaml import COMMENT_STATE

GALLINA = frozenset("as fun if in let match then else return end Type Set Prop forall".split())
COQ = frozenset("""
    Definition Theorem Lemma Remark Example Fixpoint CoFixpoint
    Record Inductive CoInductive Corollary Goal Proof
    Ltac Require Import Export Module Section End Variable
    Context Polymorphic Monomorphic Universe Universes
    Variables Class Instance Global Local Include
    Printing Notation Infix Arguments Hint Rewrite Immediate
    Qed Defined Opaque Transparent Existing
    Compute Eval Print SearchAbout Search About Check
""".split())
LTAC = frozenset("""
    apply eapply auto eauto rewrite setoid_rewrite
    with in as at destruct split inversion injection
    intro intros unfold fold cbv cbn lazy subst
    clear symmetry transitivity etransitivity erewrite
    edestruct constructor econstructor eexists exists
    f_equal refine instantiate revert simpl
    specialize generalize dependent red induction
    beta iota zeta delta exfalso autorewrite setoid_rewrite
    compute vm_compute native_compute
""".split())
TACTICALS = frozenset("repeat first try".split())
TERMINATORS = frozenset("omega solve congruence reflexivity exact assumption eassumption".split())
KEYOPTS = frozenset(r":= => -> /\ \/ _ ; :> : ⇒ → ↔ ⇔ ≔ ≡ ∀ ∃ ∧ ∨ ¬ ⊤ ⊥ ⊢ ⊨ ∈".split())
OPERATOR = re.compile(r"[\[\];,{}_()!$%&*+./:<=>?@^|~#-]+")
ID = r"(?i:(?:[a-z][\w']*)|(?:[_a-z][\w']+))"


def classify(word: str) -> str:
    """Rouge's class for a Coq word."""
    if word in COQ:
        return "k"
    if word in GALLINA:
        return "kr"
    if word in LTAC or word in TACTICALS:
        return "kp"
    if word in TERMINATORS:
        return "ne"
    return "no"


def _module_type(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("k", "Module")
    lexer.token("w", match.group(1))
    lexer.token("k", "Type")
    lexer.token("w", match.group(2))


def _set_option(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("k", match.group(1))
    lexer.token("w", match.group(2))
    lexer.token("k", match.group(3))
    lexer.token("w", match.group(4))
    lexer.token("k", match.group(5))
    lexer.token("", match.group(6))
    lexer.token("pi", ".")


def _start_id(lexer: "CoqLexer", match: "re.Match[str]") -> None:
    lexer.name, lexer.dotted = match.group(0), False
    lexer.push("continue_id")


def _character(lexer: RegexLexer, match: "re.Match[str]") -> None:
    char = match.group(0)
    lexer.token("p" if char in KEYOPTS else "o" if OPERATOR.search(char) else "err")



def _dotted(lexer: "CoqLexer", match: "re.Match[str]") -> None:
    lexer.token("nn", lexer.name)
    lexer.token("p", ".")
    lexer.name, lexer.dotted = match.group(1), True


def _end_id(lexer: "CoqLexer") -> None:
    lexer.token("no" if lexer.dotted else classify(lexer.name), lexer.name)
    lexer.pop()


def _end_sentence(lexer: "CoqLexer", match: "re.Match[str]") -> None:
    _end_id(lexer)
    lexer.token("pi", ".")
    lexer.token("w", match.group(1))


def _id_done(lexer: "CoqLexer", match: "re.Match[str]") -> None:
    _end_id(lexer)


class CoqLexer(RegexLexer):
    def __init__(self) -> None:
        super().__init__()
        self.name = ""  # the word read so far in state continue_id
        self.dotted = False

    states = {
        "root": [
            rule(r"[(][*](?![)])", "c", "comment"),
            rule(r"\s+", "w"),
            rule(r"Module(\s+)Type(\s+)", _module_type),
            rule(r"(Set|Unset)(\s+)(Universe|Printing|Implicit|Strict)(\s+)"
                 r"(Polymorphism|All|Notations|Arguments|Universes|Implicit)(\s*)\.", _set_option, flags=re.S),
            rule(ID, _start_id),
            rule(r"/\\", "o"),
            rule(r"\\/", "o"),
            rule(r"-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)", "mf", flags=re.I),
            rule(r"\d[\d_]*", "mi"),
            rule(r"""'(?:(\\[\\"'ntbr ])|(\\[0-9]{3})|(\\x[0-9a-fA-F]{2}))'""", "sc"),
            rule(r"'", "k"),
            rule(r'"', "s2", "string"),
            rule(rf"[~?]{ID}", "nv"),
            rule(r".", _character),
        ],
        "comment": COMMENT_STATE,
        "string": [
            rule(r'(?:\\")+|[^"]', "s2"),
            rule(r"""\\[\\"'ntbr]""", "se"),
            rule(r"\\\n", "s2"),
            rule(r'"', "s2", "#pop"),
        ],
        "continue_id": [
            rule(rf"\.({ID})", _dotted),
            rule(r"\.(\s+)", _end_sentence),
            rule(r"", _id_done),
        ],
    }
