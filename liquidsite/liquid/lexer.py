"""python-liquid's template lexer with Ruby Liquid's whitespace control.

Two differences from Liquid 5.4 are corrected here:

- python-liquid's rule for text stops at ``$``, which without ``re.MULTILINE`` also
  matches just before a final newline; that newline then becomes a text token of its
  own, which a right-trimming tag earlier in the text (``{{ x -}}``) strips as well.
  Liquid keeps it: ``{{ "A" -}}\\nx\\n`` renders ``Ax\\n``. Ending the rule at ``\\Z``
  instead keeps the whole text in one token, trimmed at its start only.
- python-liquid trims text next to ``{{-``/``-}}`` with ``str.strip``, which also removes
  Unicode spaces (U+3000, U+00A0, U+2003...). Liquid trims with Ruby's ``String#lstrip``
  and ``rstrip``: ASCII whitespace and NUL only, so ``a\\u3000{{- 1 -}}\\u3000b`` keeps both
  ideographic spaces. The rules below never trim; :func:`_trim_like_ruby` trims the text
  tokens afterwards, reading the markers from the source.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from typing import Callable, Iterator

from liquid.lex import _tokenize_template, compile_liquid_rules
from liquid.token import TOKEN_CONTENT, Token

_END_OF_TEXT = "|$)"

#: The trim markers' capture groups, rewritten to capture nothing so python-liquid never trims.
_TRIM_GROUPS = re.compile(r"\(\?P<(rstrip|rss|rst|rsc|rsr|rsd)>-\?\)")

#: What Ruby's ``String#lstrip``/``rstrip`` remove (``\\s`` without Unicode spaces, and NUL).
RUBY_STRIPPED = " \t\n\v\f\r\0"

#: A raw block's opening tag, with the trim marker that trims the text after the whole block.
RAW_OPENER = re.compile(r"\{%-?\s*raw\s*(-?)%\}")


@lru_cache(maxsize=8)
def jekyll_lexer(*delimiters: str) -> Callable[[str], Iterator[Token]]:
    """A tokenizer for these delimiters (as ``liquid.lex.get_lexer`` takes them)."""
    rules = compile_liquid_rules(*delimiters)
    pattern = rules.pattern
    if pattern.count(_END_OF_TEXT) != 1 or "rstrip" not in _TRIM_GROUPS.findall(pattern):
        return partial(_tokenize_template, rules=rules)  # a python-liquid whose rules we do not know
    pattern = _TRIM_GROUPS.sub(r"(?P<\1>)-?", pattern.replace(_END_OF_TEXT, r"|\Z)"))
    untrimmed = partial(_tokenize_template, rules=re.compile(pattern, rules.flags))
    closers = tuple("-" + end for end in delimiters[1:4:2])  # "-%}", "-}}"
    openers = tuple(start + "-" for start in delimiters[0:4:2])  # "{%-", "{{-"
    return partial(_trim_like_ruby, untrimmed, closers, openers)


def _trim_like_ruby(
    tokenize: Callable[[str], Iterator[Token]], closers: tuple[str, ...], openers: tuple[str, ...], source: str,
) -> Iterator[Token]:
    """The untrimmed tokens of *source*, each text token trimmed as its neighbouring markers ask.

    A raw block's text is never trimmed, and the text after it is trimmed by the ``-%}`` of
    its opening ``raw`` tag, not of ``endraw`` (as Liquid does).
    """
    after_raw: bool | None = None  # whether the raw block just before trims the text after it
    for token in tokenize(source):
        start, value = token.start_index, token.value
        if token.kind != TOKEN_CONTENT:
            after_raw = None
            yield token
            continue
        if source[start:start + len(value)] != value:  # a raw block's text (the token starts at the tag)
            opener = RAW_OPENER.match(source, start)
            after_raw = bool(opener and opener.group(1))
            yield token
            continue
        if source.endswith(closers, 0, start) if after_raw is None else after_raw:
            value = value.lstrip(RUBY_STRIPPED)
        if source.startswith(openers, start + len(token.value)):
            value = value.rstrip(RUBY_STRIPPED)
        after_raw = None
        if value:
            yield Token(token.kind, value, start_index=start, source=source)
