"""Rouge-compatible token markup, checked against output observed from Rouge 3.30.0."""

import pytest

from conftest import GOLDEN, golden
from liquidsite.highlight import rouge_html


def observed() -> list:
    """(language, code, Rouge::Formatters::HTML.new.format(Rouge::Lexer.find(language).lex(code))).

    One case per pair of files in tests/golden/rouge/: LANGUAGE-N.in (the code) and
    LANGUAGE-N.html (what Rouge 3.30.0 printed for it).
    """
    cases = []
    for code in sorted((GOLDEN / "rouge").glob("*.in")):
        language = code.stem.rsplit("-", 1)[0]
        cases.append(pytest.param(language, golden(f"rouge/{code.name}"), golden(f"rouge/{code.stem}.html"),
                                  id=code.stem))
    return cases


@pytest.mark.parametrize("lang, code, expected", observed())
def test_matches_rouge(lang: str, code: str, expected: str) -> None:
    assert rouge_html(code, lang) == expected


def test_unknown_language_is_none() -> None:
    assert rouge_html("x = 1", "no-such-language") is None
    assert rouge_html("x = 1", "Python") is None  # Rouge's names are case-sensitive


def test_unmatched_character_is_an_error_token() -> None:
    # Rouge's JSON lexer has no rule for "x": one Error character, then it goes on.
    assert rouge_html('{"a": x}', "json") == (
        '<span class="p">{</span><span class="nl">"a"</span><span class="p">:</span>'
        '<span class="w"> </span><span class="err">x</span><span class="p">}</span>')


def test_php_without_an_opening_tag_is_lexed_as_php():
    """Rouge 3.30's PHP lexer guesses ``start_inline`` (observed with Rouge's HTML formatter):
    al-folio's tabs post shows ``var_dump('hello');`` as PHP, not as template text."""
    from liquidsite.highlight import rouge_html

    assert rouge_html("var_dump('hello');\n", "php") == (
        '<span class="nb">var_dump</span><span class="p">(</span><span class="s1">\'hello\'</span>'
        '<span class="p">);</span>\n'
    )
    assert rouge_html('$x = array(1, 2);\n', "php") == (
        '<span class="nv">$x</span> <span class="o">=</span> <span class="k">array</span><span class="p">(</span>'
        '<span class="mi">1</span><span class="p">,</span> <span class="mi">2</span><span class="p">);</span>\n'
    )
