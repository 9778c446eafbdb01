"""The prefiltered search (markdown/prefilter.py) answers exactly as ``pattern.search``."""

from __future__ import annotations

import random
import re

import pytest

from liquidsite import markdown, regex_starts
from liquidsite.markdown import prefilter
from liquidsite.markdown.gfm import GFMParser
from liquidsite.markdown.parser import SPAN_PARSER_TABLE, KramdownParser

ALPHABET = list("ab  \n\t*_`<>[]!\"'$:{}&-.\\~^()|=#+0") + ["<<", ">>", "...", "--", "~~", "  \n", "{:", "\\\n"]

HAND_PICKED = [
    r"(?=(?:\*|[^\\]?[\"']|(  |\\)(?=\n)|(?:\\| )?(?:<<|>>)))",
    r"x?y*z",
    r"(?:ab|c)+d",
    r"(?<=a)b|(?<!\\)c",
    r"^\s*#",
    r"\s(?=['\"])",
    r"(a)?(?(1)b|c)",
    r"a{0,3}-",
    r"[^a]b|[xy]",
    r"(?i:q)r",
]

DOCUMENT = """# Title {#id}

A *paragraph* with `code`, **strong**, [a link](http://x.org "t"), ![img](i.png), <span>html</span>,
"quotes" and 'single', -- dashes... << guillemets >>, $$x$$, &amp; \\* ~~gone~~ {: .class}
line \x20
break[^1] and <http://auto.link>.

[^1]: A note.

| a | b |
|---|---|
| `c` | *d* |

> quote *x*

* item `y`
* [ref][]

[ref]: http://r.org
"""


def _patterns() -> list[re.Pattern[str]]:
    markdown.render(DOCUMENT, markdown.jekyll_options({}))
    markdown.render(DOCUMENT, markdown.jekyll_options({"input": "kramdown"}))
    names = tuple(SPAN_PARSER_TABLE)
    union = KramdownParser.span_parser_regexps(names)[0]
    hand = [re.compile(source, re.ASCII | re.MULTILINE) for source in HAND_PICKED]
    return [union, *hand, *(pattern for pattern, _ in prefilter._SEARCHERS.values())]


def _texts(rng: random.Random, count: int) -> list[str]:
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 24))) for _ in range(count)]


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groups() == b.groups()


def test_prefiltered_search_is_the_patterns_own() -> None:
    rng = random.Random(14)
    texts = _texts(rng, 150)
    for pattern in _patterns():
        search = prefilter.searcher(pattern)
        for text in texts:
            for pos in (0, len(text) // 2):
                assert _same(search(text, pos), pattern.search(text, pos)), (pattern.pattern, text, pos)


@pytest.mark.parametrize("source", [r"(?=(?:\*|_|[^\\]?[\"']|(  |\\)(?=\n)))", r"x?y*z"])
def test_prefilter_is_used_where_every_alternative_needs_a_character(source: str) -> None:
    pattern = re.compile(source)
    assert prefilter.searcher(pattern) != pattern.search


@pytest.mark.parametrize("source", [r"a*", r"\s", r"(?i:a)", r"[^x]y?"])
def test_patterns_without_required_characters_keep_their_search(source: str) -> None:
    pattern = re.compile(source)
    assert prefilter.searcher(pattern) == pattern.search


def test_a_match_starts_with_one_of_the_first_characters() -> None:
    """What lets the block and span parsers skip the patterns that cannot match at a character."""
    parser = GFMParser("", dict(markdown._resolved_options(markdown._options_key(markdown.jekyll_options({})))))
    parser.configure_parser()
    block_starts = [start_re for start_re, _ in parser.block_parsers]
    block_starts += [start_re for start_re, _ in parser.span_parsers_by_name.values()]
    rng = random.Random(15)
    texts = _texts(rng, 300)
    for pattern in [*block_starts, *_patterns()]:
        first = regex_starts.first_chars(pattern)
        if first is None:
            continue
        for text in texts:
            for pos in range(len(text)):
                if pattern.match(text, pos) is not None:
                    assert text[pos] in first, (pattern.pattern, text, pos)
