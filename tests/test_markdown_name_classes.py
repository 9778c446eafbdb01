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
