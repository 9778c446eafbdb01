"""Code where Ruby's and Python's character classes disagree, marked up as Rouge 3.30 does.

Each case was found by the differential fuzzer (``test_rouge_fuzz.py``): identifiers and words with
``²``, ``½``, ``①``, ``Ⅻ`` (Python's ``\\w`` takes them, Ruby's ``\\p{Word}``/``[[:alpha:]]`` do not;
Ruby's ``\\b`` counts Latin-1's ``²`` as a word character), combining marks, ``‿`` and ``Ⓐ`` (the other
way round), the Kelvin sign and the long s (Ruby's ``/i`` folds them into ``[a-z]``, not into ``\\w``).
``golden/rouge_unicode.json`` holds Rouge's markup of each, observed from Rouge 3.30.0.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import GOLDEN
from liquidsite.highlight import rouge_html
from liquidsite.highlight.ruby_classes import differing_in

OBSERVED = json.loads((GOLDEN / "rouge_unicode.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", OBSERVED, ids=[f"{case['lang']}-{index}" for index, case in enumerate(OBSERVED)])
def test_marked_up_as_rouge_does(case: dict[str, str]) -> None:
    assert rouge_html(case["code"], case["lang"]) == case["rouge"]


def test_most_text_needs_no_exact_classes() -> None:
    """ASCII, accented Latin, CJK and Cyrillic text is lexed with the fast approximations."""
    assert differing_in("x = 1 # note\n") == frozenset()
    assert differing_in("# 中文注释 café Жук — “quoted” →\n") == frozenset()
    assert differing_in("r² = ½ e\u0301") == frozenset("²½\u0301")


def test_a_boundary_opening_an_alternative_looks_only_ahead() -> None:
    """StringScanner sees nothing before the scan position: such a \\b needs only a word character after."""
    from liquidsite.highlight.engine import rule

    assert rule(r"\bnil\b|(?x: \b [A-Z]\w*)", "no").regex.pattern == (
        r"(?u:(?=\w))nil(?u:\b)|(?x: (?u:(?=\w)) [A-Z]\w*)")


def test_case_folding_reaches_letters_but_not_shorthands() -> None:
    """Ruby's /i folds the Kelvin sign into [a-z] and k, never into \\w (observed: Rouge's ruby lexer
    reads "#@nK" as the interpolation "#@n")."""
    from liquidsite.highlight.engine import rule
    from liquidsite.highlight.ruby_classes import exact_regex

    exact = exact_regex(rule(r"@[a-z_]\w*", "vi", flags=re.I).regex, frozenset("\u212a"))
    assert exact.match("@\u212ax").group(0) == "@\u212ax"
    assert exact.match("@n\u212a").group(0) == "@n"
