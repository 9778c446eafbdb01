"""The Rouge engine's dispatch tables: a state tries only the rules that may match the character at
hand, and the first rule to match is still the first in the state's order (mixins in place)."""

from __future__ import annotations

import re

from liquidsite.highlight.engine import Mixin, RegexLexer, rule


class _Lexer(RegexLexer):
    states = {
        "root": [
            rule(r"#.*?$", "c1"),
            Mixin("words"),
            rule(re.compile("(?i)if"), "k"),  # Unicode case folding: no first-character set, tried everywhere
            rule(r"\d+", "m"),
            rule(r"[a-z]+", "n"),
            rule(r"\s+", ""),
            rule(r"x*", "err"),  # may match empty: tried everywhere, after the rules above
        ],
        "words": [rule(r"(?:if|in)\b", "kd"), rule(r"\bw", "nb")],
    }


def _tokens(text: str) -> list[tuple[str, str]]:
    return list(_Lexer().continue_lex(text))


def test_first_matching_rule_in_state_order() -> None:
    assert _tokens("if in IF 12 when # note\nw") == [
        ("kd", "if"), ("", " "), ("kd", "in"), ("", " "), ("k", "IF"), ("", " "), ("m", "12"), ("", " "),
        ("nb", "w"), ("n", "hen"), ("", " "), ("c1", "# note"), ("", "\n"), ("nb", "w"),
    ]


def test_characters_no_rule_lists_try_the_rules_without_a_set() -> None:
    # "!" is in no rule's set: the case-folding rule fails, the empty match repeats until Rouge's
    # limit of null steps, then one error character.
    assert _tokens("!") == [("err", "!")]


def test_a_state_pushed_as_a_list_keeps_the_plain_loop() -> None:
    lexer = _Lexer()
    lexer.stack.append([rule(r"[a-z]", "s", "#pop")])
    assert list(lexer.continue_lex("ab")) == [("s", "a"), ("n", "b")]


def test_rules_of_unknown_first_character() -> None:
    assert rule(re.compile("(?i)if"), "k").starts() is None
    assert rule(r"x*", "k").starts() is None
    assert rule(r"(?:if|in)\b", "k").starts() == frozenset("i")
    assert rule(re.compile(r"\d"), "k").starts() is None  # Unicode digits without re.ASCII


def test_first_characters_under_ascii_case_folding_and_verbose_patterns() -> None:
    assert rule(r"0x[0-9a-f]+", "m", flags=re.I).starts() == frozenset("0")
    assert rule(r"(?:if|Else)\b", "k", flags=re.I).starts() == frozenset("iIeE")
    assert rule(r"[a-zA-Z_]\w*", "n").starts() == frozenset("_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    assert rule(r"""  \#  .*? $  # a comment""", "c", flags=re.X).starts() == frozenset("#")
    # Unicode case folding pairs more than ASCII letters ("k" and the Kelvin sign): not followed.
    assert rule(re.compile("k", re.I), "k").starts() is None
