"""The XML name classes of ``markdown/patterns.py`` match exactly REXML's NCName ranges.

They are written as negated classes for import speed (``char_class``); these tests hold
them to the ranges REXML (and so kramdown) defines, written out as Ruby writes them.
"""

from __future__ import annotations

import re
import sys

import pytest

from liquidsite.markdown import patterns as P

_RUBY_START = (
    r"A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F"
    r"\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF"
)
_RUBY_CHAR = _RUBY_START + r"\-.0-9\u00B7\u0300-\u036F\u203F-\u2040"
PAIRS = [
    (re.compile(f"[{_RUBY_START}][{_RUBY_CHAR}]*\\Z"), re.compile(P.NCNAME + r"\Z")),
    (re.compile(f"[:{_RUBY_START}][:{_RUBY_CHAR}]*\\Z"), re.compile(P.XML_NAME + r"\Z")),
]


def _agree(code_points) -> list[int]:
    wrong = []
    for code in code_points:
        for text in (chr(code), "a" + chr(code)):
            for ruby, ours in PAIRS:
                if bool(ruby.match(text)) != bool(ours.match(text)):
                    wrong.append(code)
    return wrong


def test_every_range_edge_agrees() -> None:
    edges = {c + d for low, high in P._NAME_CHAR_RANGES + P._COLON for c in (low, high) for d in (-1, 0, 1)}
    edges |= set(range(0x100)) | {0x2FFF, 0x3000, 0xD800, 0xE000, 0xF8FF, 0xFFFE, 0xEFFFF, 0xF0000, 0x10FFFF}
    assert _agree(sorted(c for c in edges if 0 <= c <= sys.maxunicode)) == []


@pytest.mark.slow
def test_every_code_point_agrees() -> None:
    assert _agree(range(sys.maxunicode + 1)) == []


def test_char_class_of_adjacent_and_single_ranges() -> None:
    assert P.char_class(((0x41, 0x41), (0x42, 0x43))) == r"[^\U00000000-\U00000040\U00000044-\U0010ffff]"
    assert P.char_class(((0x0, 0x0), (0x2, 0x10FFFF))) == r"[^\U00000001]"


# kramdown's tag names (REXML's UNAME_STR, ``[[:alpha:]_][-[:alnum:]._]*``): Onigmo's classes as
# ``unicode_classes`` states them. ``TAG_NCNAME`` is written for compile speed (one copy of the large
# classes, the first character limited by a lookahead); these hold it to that statement.
TAG_NAME = re.compile(P.TAG_NCNAME + r"\Z", P.FLAGS)


def _tag_name_disagreements(code_points) -> list[int]:
    from liquidsite.markdown.unicode_classes import ruby_alnum, ruby_alpha

    wrong = []
    for code in code_points:
        ch = chr(code)
        starts = ruby_alpha(ch) or ch == "_"
        continues = ruby_alnum(ch) or ch in "_-."
        if bool(TAG_NAME.match(ch)) != starts or bool(TAG_NAME.match("a" + ch)) != continues:
            wrong.append(code)
    return wrong


def test_tag_names_agree_with_onigmo_classes_on_every_range_edge() -> None:
    from liquidsite.markdown.unicode_classes import OTHER_ALPHABETIC, OTHER_NUMBERS

    edges = {c + d for low, high in OTHER_ALPHABETIC + OTHER_NUMBERS for c in (low, high) for d in (-1, 0, 1)}
    digits = {code for code in range(0x3000) if chr(code).isdigit()}  # Unicode digits, other numbers among them
    assert _tag_name_disagreements(sorted(edges | digits | set(range(0x400)))) == []


@pytest.mark.slow
def test_tag_names_agree_with_onigmo_classes_on_every_code_point() -> None:
    assert _tag_name_disagreements(range(sys.maxunicode + 1)) == []


@pytest.mark.parametrize("text", [
    "<div>", "<span>", "<spané>", "<span-x>", "<a:b>", "<a:>", "<1a>", "<-a>", "<.a>", "<_a>", "<é>",
    "<\u093f>", "<\u0967>", "<½>", "<Ⅻ>", "<Ⓐ>", "< a>", "<", "<scripts>", "<script>", "<abbr2>",
])
def test_html_start_test_is_the_start_tag_as_a_lookahead(text: str) -> None:
    full = re.compile("(?=" + P.LAZY_END_HTML_START_SRC + ")", P.FLAGS)
    test = re.compile("(?=" + P.LAZY_END_HTML_START_TEST_SRC + ")", P.FLAGS)
    assert bool(full.match(text)) == bool(test.match(text))
