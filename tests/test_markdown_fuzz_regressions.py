"""Disagreements the Markdown differential fuzzer (tests/test_markdown_fuzz.py) found, held to kramdown.

Each expected string was observed from Jekyll 4.3.1's Markdown converter (kramdown 2.4.0,
kramdown-parser-gfm 1.1.0, Rouge 3.30.0) with Jekyll's default options; no Ruby is needed here.
"""

from __future__ import annotations

from liquidsite.markdown import jekyll_options, render


def assert_converts(expected: dict[str, str]) -> None:
    got = {text: render(text, jekyll_options()) for text in expected}
    assert got == expected


def test_closing_underscore_before_a_number_that_is_no_digit_closes_emphasis() -> None:
    """kramdown's ``_[[:alnum:]]`` test is Onigmo's: ``½`` is no alphanumeric, ``ⅻ`` and ``ि`` are."""
    assert_converts({
        "____½": "<p><em>__</em>½</p>\n",
        "_._½": "<p><em>.</em>½</p>\n",
        "_a_ⅻ": "<p>_a_ⅻ</p>\n",
        "_a_ि x": "<p>_a_ि x</p>\n",
        "_a_Ⓐ": "<p>_a_Ⓐ</p>\n",
    })


def test_underscore_after_an_alphabetic_mark_or_symbol_does_not_open_emphasis() -> None:
    assert_converts({
        "कि_a_": "<p>कि_a_</p>\n",
        "Ⓐ_a_": "<p>Ⓐ_a_</p>\n",
    })


def test_header_whose_id_is_empty_is_still_listed_in_the_toc() -> None:
    """GFM gives a header of punctuation only the id ``""``; Ruby's ``""`` is true, so the toc lists it."""
    assert_converts({
        "# }\n\n# [\n\n* x\n{:toc}": (
            '<h1>}</h1>\n\n<h1 id="-1">[</h1>\n\n<ul id="markdown-toc">\n'
            '  <li><a href="#" id="markdown-toc-">}</a></li>\n'
            '  <li><a href="#-1" id="markdown-toc--1">[</a></li>\n</ul>\n'
        ),
    })


def test_smart_quote_rules_see_word_boundaries_as_ruby_does() -> None:
    """Ruby's ``\\w`` is ASCII but its ``\\b``/``\\B`` count Unicode letters as word characters."""
    assert_converts({
        '</n>"(어': "<p>&lt;/n&gt;“(어</p>\n",
        '本<http:b>"\\α': '<p>本<a href="http:b">http:b</a>“\\α</p>\n',
        "'}Å": "<p>‘}Å</p>\n",
        "x 'sé y": "<p>x ‘sé y</p>\n",
        'a"_é': "<p>a”_é</p>\n",
    })


def test_ruby_strip_and_non_space_are_ascii_in_ids_and_code_languages() -> None:
    """Ruby's ``strip`` and ``\\S`` leave U+00A0 and U+3000 alone: they belong to an id or a language."""
    assert_converts({
        '<div id="\u00a0" markdown="1">\nx\n</div>': '<div id="\u00a0">\n  <p>x</p>\n</div>\n',
        '<span id="\u3000">x</span>': '<p><span id="\u3000">x</span></p>\n',
        "```py\u00a0thon\nx\n```\n": '<pre><code class="language-py\u00a0thon">x\n</code></pre>\n',
        "~~~ ruby\u3000\nx\n~~~\n": '<pre><code class="language-ruby\u3000">x\n</code></pre>\n',
        '```\nx\n```\n{: class="language-a\u00a0b c"}\n':
            '<pre class="c"><code class="language-a\u00a0b">x\n</code></pre>\n',
        '    x\n{: class="x language-ruby\u00a0 y"}\n':
            '<pre class="x  y"><code class="language-ruby\u00a0">x\n</code></pre>\n',
        '`x`{: class="language-py\u2003z"}': '<p><code class="language-py\u2003z">x</code></p>\n',
        "```\u00a0\nx\n```": '<pre><code class="language-\u00a0">x\n</code></pre>\n',
    })


def test_gfm_header_id_lowercases_a_final_capital_sigma_as_ruby_does() -> None:
    assert_converts({"# ΣΑΣ\n": '<h1 id="σασ">ΣΑΣ</h1>\n'})


def test_unquoted_attribute_values_and_email_autolinks_take_unicode_letters() -> None:
    """kramdown's ``\\p{Word}+`` attribute values and ``[[:alnum:]]`` e-mail characters are Unicode."""
    assert_converts({
        "<div class=ü>\nx\n</div>": '<div class="ü">\nx\n</div>\n',
        "<span title=日本>x</span>": '<p><span title="日本">x</span></p>\n',
        '<img alt=Café src="/x">': '<p><img alt="Café" src="/x" /></p>\n',
        "<ä@ö.de>": '<p><a href="mailto:ä@ö.de">ä@ö.de</a></p>\n',
        "<हिंदी@x.in>": '<p><a href="mailto:हिंदी@x.in">हिंदी@x.in</a></p>\n',
    })


def test_a_tag_name_running_on_into_a_letter_is_no_span_element() -> None:
    """``<spané>`` ends a paragraph as a block tag would: Ruby's ``\\b`` does not fall inside a word."""
    assert_converts({
        "para\n<spané>x</spané>": "<p>para</p>\n<spané>x</spané>\n",
        "para\n<bé>x</bé>\ny": "<p>para</p>\n<bé>x</bé>\n<p>y</p>\n",
    })


def test_link_ids_lowercase_a_final_capital_sigma_as_ruby_does() -> None:
    assert_converts({"[ΣΑΣ]: /x\n\n[σας]": "\n<p>[σας]</p>\n"})


def test_gfm_header_id_keeps_circled_letters_as_ruby_word_characters() -> None:
    assert_converts({"# Ⓐ circled ⓑ": '<h1 id="ⓐ-circled-ⓑ">Ⓐ circled ⓑ</h1>\n'})


def test_html_tag_names_are_rexml_base_parser_names_not_xml_names() -> None:
    """kramdown's tag patterns use REXML's ``[[:alpha:]_][-[:alnum:]._]*``, not XML 1.0's NameChar."""
    assert_converts({
        "x <a😀>y</a😀>": "<p>x &lt;a😀&gt;y&lt;/a😀&gt;</p>\n",
        "x <a\u0301>y</a\u0301>": "<p>x &lt;a\u0301&gt;y&lt;/a\u0301&gt;</p>\n",
        "x <a·b>y": "<p>x &lt;a·b&gt;y</p>\n",
        "x <a。>y": "<p>x &lt;a。&gt;y</p>\n",
        "<ǅ😀>": "<p>&lt;ǅ😀&gt;</p>\n",
        "x <a٣>y</a٣>": "<p>x <a٣>y</a٣></p>\n",
    })


def test_other_numbers_are_no_word_characters_in_attribute_values_and_e_mail_autolinks() -> None:
    assert_converts({
        "<a½b@c.d>": "<p>&lt;a½b@c.d&gt;</p>\n",
        "<div id=x½>\nx\n</div>": "<p>&lt;div id=x½&gt;\nx\n&lt;/div&gt;</p>\n",
    })


def test_only_ascii_named_and_exact_numeric_references_stay_unescaped() -> None:
    """REXML's ``REFERENCE_RE`` names are ASCII ``\\w``, and ``&#0x41;`` is no reference."""
    assert_converts({
        "&a😀; &é; &a·; &a٣;": "<p>&amp;a😀; &amp;é; &amp;a·; &amp;a٣;</p>\n",
        "&#0x41; &#00065; &#x0041;": "<p>&amp;#0x41; A A</p>\n",
    })


def test_empty_block_ial_after_a_list_items_paragraph_still_ends_it() -> None:
    """``{: }`` (or ``{:`` NBSP ``}``) after a list item's first paragraph creates an empty IAL,
    which Ruby counts as present: the end-of-block marker goes and the paragraph stays transparent."""
    assert_converts({
        "* a\n  {: }\n": "<ul>\n  <li>a</li>\n</ul>\n",
        "1. [\n   {:\u00a0}": "<ol>\n  <li>[</li>\n</ol>\n",
        "* a\n  {: }\n* b\n\n  c\n": "<ul>\n  <li>a</li>\n  <li>\n    <p>b</p>\n\n    <p>c</p>\n  </li>\n</ul>\n",
    })


def test_class_and_html_whitespace_are_stripped_as_ruby_strips_ascii() -> None:
    """Ruby's ``lstrip``/``strip`` and ``\\s`` leave NBSP alone: a code span's class ``\\u00a0`` stays
    before ``highlighter-rouge``, and HTML converted to native elements keeps NBSP around its text."""
    assert_converts({"`a`{:.\u00a0}": '<p><code class="language-plaintext \u00a0 highlighter-rouge">a</code></p>\n'})
    options = dict(jekyll_options(), input="kramdown", parse_block_html=True, html_to_native=True)
    assert render("<ul><li>\u00a0x</li></ul>\n", options) == "<ul>\n  <li>\u00a0x</li>\n</ul>\n"
