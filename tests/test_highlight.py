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


# Rouge::Lexer.find_fancy's ``lang?option=value`` (kramdown reads a fence's language so):
# (language, code, Rouge 3.30's markup).
FANCY = [
    ('php?start_inline=1', '<b>$x</b> = strlen($y); ?>\n<p>x</p>\n',
     '<span class="o">&lt;</span><span class="n">b</span><span class="o">&gt;</span>'
     '<span class="nv">$x</span><span class="o">&lt;/</span><span class="n">b</span>'
     '<span class="o">&gt;</span> <span class="o">=</span> <span class="nb">strlen</span>'
     '<span class="p">(</span><span class="nv">$y</span><span class="p">);</span> '
     '<span class="cp">?&gt;</span>\n<span class="nt">&lt;p&gt;</span>x'
     '<span class="nt">&lt;/p&gt;</span>\n'),
    ('php?start_inline=true', "echo 'a';",
     '<span class="k">echo</span> <span class="s1">\'a\'</span><span class="p">;</span>'),
    ('php?start_inline=0', '$x = 1;\n<?php echo $x; ?>\n',
     '$x = 1;\n<span class="cp">&lt;?php</span> <span class="k">echo</span> <span class="nv">$x</span>'
     '<span class="p">;</span> <span class="cp">?&gt;</span>\n'),
    ('php?start_inline=off', '$x = 1;',
     '$x = 1;'),
    ('php?start_inline', '<p>$x</p>',
     '<span class="o">&lt;</span><span class="n">p</span><span class="o">&gt;</span>'
     '<span class="nv">$x</span><span class="o">&lt;/</span><span class="n">p</span>'
     '<span class="o">&gt;</span>'),
    ('php?funcnamehighlighting=false', '<?php strlen($x); count($y);',
     '<span class="cp">&lt;?php</span> <span class="nf">strlen</span><span class="p">(</span>'
     '<span class="nv">$x</span><span class="p">);</span> <span class="nf">count</span>'
     '<span class="p">(</span><span class="nv">$y</span><span class="p">);</span>'),
    ('php?start_inline=1;funcnamehighlighting=0', 'strlen($x);',
     '<span class="nf">strlen</span><span class="p">(</span><span class="nv">$x</span>'
     '<span class="p">);</span>'),
    ('php?parent=xml', '<a b="c"><?php echo 1; ?></a>',
     '<span class="nt">&lt;a</span> <span class="na">b=</span><span class="s">"c"</span>'
     '<span class="nt">&gt;</span><span class="cp">&lt;?php</span> <span class="k">echo</span> '
     '<span class="mi">1</span><span class="p">;</span> <span class="cp">?&gt;</span>'
     '<span class="nt">&lt;/a&gt;</span>'),
    ('erb?parent=latex', '\\section{<%= @title %>}\n',
     '<span class="k">\\section</span><span class="p">{</span><span class="cp">&lt;%=</span> '
     '<span class="vi">@title</span> <span class="cp">%&gt;</span><span class="p">}</span>\n'),
    ('erb?parent=no-such', '<b><%= x %></b>',
     '<span class="nt">&lt;b&gt;</span><span class="cp">&lt;%=</span> <span class="n">x</span> '
     '<span class="cp">%&gt;</span><span class="nt">&lt;/b&gt;</span>'),
]


@pytest.mark.parametrize("lang, code, expected", FANCY, ids=[case[0] for case in FANCY])
def test_lexer_options_as_rouge_reads_them(lang: str, code: str, expected: str) -> None:
    assert rouge_html(code, lang) == expected


def test_fenced_code_takes_lexer_options_as_kramdown() -> None:
    from liquidsite.markdown import render

    options = {"input": "GFM", "syntax_highlighter": "rouge", "syntax_highlighter_opts": {"guess_lang": True}}
    assert render('```php?start_inline=1\n$x = strlen("a");\n```\n', options) == (
        '<div class="language-php highlighter-rouge"><div class="highlight"><pre class="highlight"><code>'
        '<span class="nv">$x</span> <span class="o">=</span> <span class="nb">strlen</span><span class="p">(</span>'
        '<span class="s2">"a"</span><span class="p">);</span>\n</code></pre></div></div>\n'
    )


def test_php_without_an_open_tag_is_php_as_in_al_folio_tabs_post() -> None:
    # Rouge guesses inline PHP when the code neither starts with "<" nor holds "<?php".
    assert rouge_html("var_dump('hello');\n", "php") == (
        '<span class="nb">var_dump</span><span class="p">(</span><span class="s1">\'hello\'</span>'
        '<span class="p">);</span>\n'
    )
    assert rouge_html('$x = array(1, 2);\n', "php") == (
        '<span class="nv">$x</span> <span class="o">=</span> <span class="k">array</span><span class="p">(</span>'
        '<span class="mi">1</span><span class="p">,</span> <span class="mi">2</span><span class="p">);</span>\n'
    )


def test_visual_basic_goes_by_rouges_alias_too() -> None:
    code = "Dim x As Integer\n"
    assert rouge_html(code, "visualbasic") == rouge_html(code, "vb") == (
        '<span class="k">Dim</span> <span class="nv">x</span> <span class="ow">As</span> '
        '<span class="kt">Integer</span>\n')
