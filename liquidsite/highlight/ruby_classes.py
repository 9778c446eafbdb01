"""Rules compiled again with Ruby's exact Unicode classes, for text where Python's ``re`` differs.

The lexers' regexes use Python's classes, which agree with Ruby's on most text: ``\\b`` (Unicode
in both, but Ruby counts combining marks, connector punctuation and ``Ⓐ`` as word characters and
``①``, ``⁴`` not), the tagged approximations of ``[[:alpha:]]``, ``[[:alnum:]]``, ``\\p{Word}``,
``\\p{L}`` (``engine.ALPHA`` ...: Python's take ``²``, ``½``, ``①`` for letters and leave marks out)
and ``/i`` rules, where Ruby folds the Kelvin sign into ``k`` and the long s into ``s``. Text holding
a character of the differences (``ruby_unicode``) is lexed with each rule's ``exact_regex`` instead,
compiled when first needed with just the differing characters the text holds (Ruby's whole classes
would cost milliseconds per rule to compile).
"""

from __future__ import annotations

import re
from functools import lru_cache

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from .ruby_unicode import Spans

# Python's approximations of Ruby's classes, by name; ``engine`` tags them for the lexers (``engine.ALPHA``
# ...). ``B_WORD`` is what Ruby's ``\\b`` takes for a word character.
RUBY_APPROXIMATIONS = {
    "B_WORD": r"\w",
    "WORD": r"\w",  # \p{Word}, [[:word:]]
    "ALPHA": r"[^\W\d_]",  # [[:alpha:]], \p{Alpha}
    "ALNUM": r"[^\W_]",  # [[:alnum:]], \p{Alnum}
    "LETTER": r"[^\W\d_]",  # \p{L}
    "LETTER_NL": r"[^\W\d_]",  # [\p{L}\p{Nl}]
    "LETTER_NL_ND": r"[^\W_]",  # [\p{L}\p{Nl}\p{Nd}]
    "XID_START": r"[^\W\d]",  # [\p{XID_Start}_]
    "XID_CONTINUE": r"\w",  # \p{XID_Continue}
}
_FOLDED = frozenset("\u017f\u212a")  # ſ and K, which Ruby's /i folds into ASCII letters
_TAGGED = re.compile(r"\(\?u:[^()]*\)\(\?#ruby:([A-Z_]+)\)")
#: How ``engine.rule`` writes Ruby's ``\\b`` (Unicode, as Ruby's), and one that opens an alternative.
BOUNDARY = "(?u:\\b)"
WORD_AHEAD = "(?u:(?=\\w))"
_ASCII_OUTSIDE = {"w": "(?-i:[a-zA-Z0-9_])", "W": "(?-i:[^a-zA-Z0-9_])", "d": "[0-9]", "D": "[^0-9]",
                  "s": "[ \\t\\n\\v\\f\\r]", "S": "[^ \\t\\n\\v\\f\\r]"}
_ASCII_INSIDE = {"w": "a-zA-Z0-9_", "d": "0-9", "s": " \\t\\n\\v\\f\\r"}


#: The differing characters of one text, with which its rules are compiled exactly.
Present = frozenset[str]


@lru_cache(maxsize=None)
def _members(name: str) -> frozenset[str]:
    """The characters of ``ruby_unicode``'s table *name* (imported when first needed: 30 kB)."""
    from . import ruby_unicode

    spans: Spans = getattr(ruby_unicode, name)
    return frozenset(chr(code) for low, high in spans for code in range(low, high + 1))


@lru_cache(maxsize=None)
def _differing() -> frozenset[str]:
    members = set(_FOLDED)
    for name in RUBY_APPROXIMATIONS:
        members |= _members(f"{name}_EXTRA") | _members(f"{name}_MISSING")
    return frozenset(members)


def differing_in(text: str) -> Present:
    """The characters of *text* on which an approximation differs from Ruby's class (or Ruby's ``/i``
    folds into ASCII): none for most text, and for ASCII at once."""
    if text.isascii():
        return frozenset()
    return _differing().intersection(text)


def _chars_class(chars: Iterable[str]) -> str:
    return "[" + "".join(f"\\U{ord(char):08x}" for char in sorted(chars)) + "]"


@lru_cache(maxsize=None)
def ruby_class(name: str, present: Present) -> str:
    """One character of Ruby's class *name* (a key of ``RUBY_APPROXIMATIONS``), exact on text whose
    differing characters are *present*: only those need spelling out, which keeps the class small."""
    extra, missing = _members(f"{name}_EXTRA") & present, _members(f"{name}_MISSING") & present
    core = RUBY_APPROXIMATIONS[name]
    if missing:
        core = f"(?!{_chars_class(missing)}){core}"
    return f"(?u:{core}|{_chars_class(extra)})" if extra else f"(?u:{core})"


def _ascii_shorthands(source: str) -> "str | None":
    """*source* with ``\\w \\d \\s`` (and negations) spelled as ASCII classes, so that it may be compiled
    without ``re.ASCII``; ``(?u:...)`` groups are left as they are. Ruby's ``/i`` does not fold into
    ``\\w`` (``\\w`` never matches the Kelvin sign), so a class holding it is kept from case folding.
    None where a negated shorthand stands inside a class (it has no spelling there)."""
    out: list[str] = []
    index, unicode_depth, depth = 0, 0, 0
    class_start: "int | None" = None  # where in *out* the class being read began
    class_has_word = False
    while index < len(source):
        char = source[index]
        if char == "\\" and index + 1 < len(source):
            escaped = source[index + 1]
            if unicode_depth or escaped not in _ASCII_OUTSIDE:
                out.append(source[index:index + 2])
            elif class_start is not None:
                if escaped not in _ASCII_INSIDE:
                    return None
                out.append(_ASCII_INSIDE[escaped])
                class_has_word = class_has_word or escaped == "w"
            else:
                out.append(_ASCII_OUTSIDE[escaped])
            index += 2
            continue
        if class_start is not None:
            out.append(char)
            index += 1
            if char == "]":
                if class_has_word:
                    out[class_start:] = ["(?-i:", *out[class_start:], ")"]
                class_start, class_has_word = None, False
            continue
        if char == "[":
            class_start = len(out)
            # A ] first in the class is a member, not its end.
            opening = "[^]" if source.startswith("[^]", index) else "[]" if source.startswith("[]", index) else ""
            if opening:
                out.append(opening)
                index += len(opening)
                continue
        elif char == "(":
            depth += 1
            if source.startswith("(?u:", index) and not unicode_depth:
                unicode_depth = depth
        elif char == ")":
            if unicode_depth == depth:
                unicode_depth = 0
            depth -= 1
        out.append(char)
        index += 1
    return "".join(out)


def exact_regex(regex: "re.Pattern[str]", present: Present) -> "re.Pattern[str]":
    """*regex* (as ``engine.rule`` compiled it) with Ruby's exact classes for text whose differing
    characters are *present*, or *regex* itself when the two cannot differ there."""
    source, flags = regex.pattern, regex.flags
    word = ruby_class("B_WORD", present)
    exact = _TAGGED.sub(lambda tag: ruby_class(tag.group(1), present), source)
    exact = exact.replace(WORD_AHEAD, f"(?={word})")
    exact = exact.replace(BOUNDARY, f"(?:(?<={word})(?!{word})|(?<!{word})(?={word}))")
    if (flags & re.IGNORECASE or "(?i" in source) and not present.isdisjoint(_FOLDED):
        # Ruby folds ſ and K into [a-z] and literal letters: Python does in Unicode mode only.
        unicode_source = _ascii_shorthands(exact)
        if unicode_source is not None:
            return re.compile(unicode_source, (flags & ~re.ASCII) | re.UNICODE)
    return regex if exact == source else re.compile(exact, flags)
