"""Byte-for-byte checks against real kramdown 2.4 as Jekyll 4.3 configures it.

Each expected string was produced by kramdown 2.4.0 + kramdown-parser-gfm 1.1.0 with
Jekyll 4.3.1's kramdown options (``input: GFM``, ``auto_ids``, ``hard_wrap: false``,
rouge with ``default_lang: plaintext`` and ``guess_lang``), i.e. ``render(text)``'s
defaults. Code fences use plaintext or unknown languages so that the expectations do
not depend on the Rouge token stream.
"""

from __future__ import annotations

import pytest

from liquidsite.markdown import render

CASES: dict[str, tuple[str, str]] = {
    'emoji_headers': (
        '# 📝 Publications\n\n# 🔥 News\n\n## 1. Introduction & Motivation\n\n# über café\n\n# 📝 Publications\n',
        '<h1 id="-publications">📝 Publications</h1>\n\n<h1 id="-news">🔥 News</h1>\n\n'
        '<h2 id="1-introduction--motivation">1. Introduction &amp; Motivation</h2>\n\n'
        '<h1 id="über-café">über café</h1>\n\n<h1 id="-publications-1">📝 Publications</h1>\n',
    ),
    'paper_box': (
        '<div class=\'paper-box\'><div class=\'paper-box-image\'><div><div class="badge">CVPR 2016</div><img '
        'src=\'images/500x300.png\' alt="sym" width="100%"></div></div>\n<div class=\'paper-box-text\' markdown="1">\n'
        '\n[Deep Residual Learning](https://github.com)\n\n**Kaiming He**, Xiangyu Zhang\n\n'
        '[**Project**](https://x.org) <strong><span class=\'show_paper_citations\' '
        'data=\'DhtAFkwAAAAJ:ALROH1vI_8AC\'></span></strong>\n- Lorem ipsum\n</div>\n</div>\n',
        '<div class="paper-box"><div class="paper-box-image"><div><div class="badge">CVPR 2016</div><img '
        'src="images/500x300.png" alt="sym" width="100%" /></div></div>\n<div class="paper-box-text">\n\n'
        '    <p><a href="https://github.com">Deep Residual Learning</a></p>\n\n'
        '    <p><strong>Kaiming He</strong>, Xiangyu Zhang</p>\n\n'
        '    <p><a href="https://x.org"><strong>Project</strong></a> <strong><span class="show_paper_citations" '
        'data="DhtAFkwAAAAJ:ALROH1vI_8AC"></span></strong></p>\n    <ul>\n      <li>Lorem ipsum</li>\n    </ul>\n'
        '  </div>\n</div>\n',
    ),
    'markdown_1_div_with_header': (
        '<div markdown="1">\n# 🎖 Honors and Awards\n\n- *2021.10* Award\n</div>\n',
        '<div>\n  <h1 id="honors-and-awards">🎖 Honors and Awards</h1>\n\n  <ul>\n    <li><em>2021.10</em> Award</li>\n'
        '  </ul>\n</div>\n',
    ),
    'notice_ial': (
        '**Note:** something important.\n{: .notice}\n\nOther text.\n{: .notice--info}\n',
        '<p class="notice"><strong>Note:</strong> something important.</p>\n\n'
        '<p class="notice--info">Other text.</p>\n',
    ),
    'math_inline_and_display': (
        'Energy $$E = mc^2$$ and $$a < b$$.\n\n$$\n\\sum_{i=1}^n x_i > 0\n$$\n\nA single $ is text.\n',
        '<p>Energy \\(E = mc^2\\) and \\(a &lt; b\\).</p>\n\n\\[\\sum_{i=1}^n x_i &gt; 0\\]\n\n'
        '<p>A single $ is text.</p>\n',
    ),
    'table_gfm': (
        '| Name | Value |\n|:-----|------:|\n| a    | 1     |\n| b \\| c | `x|y` |\n',
        '<table>\n  <thead>\n    <tr>\n      <th style="text-align: left">Name</th>\n'
        '      <th style="text-align: right">Value</th>\n    </tr>\n  </thead>\n  <tbody>\n    <tr>\n'
        '      <td style="text-align: left">a</td>\n      <td style="text-align: right">1</td>\n    </tr>\n    <tr>\n'
        '      <td style="text-align: left">b | c</td>\n'
        '      <td style="text-align: right"><code class="language-plaintext highlighter-rouge">x|y</code></td>\n'
        '    </tr>\n  </tbody>\n</table>\n',
    ),
    'table_kramdown_tbodies': (
        '|a|b|\n|---|---|\n|c|d|\n|---|\n|e|f|\n|===|\n|g|h|\n',
        '<table>\n  <thead>\n    <tr>\n      <th>a</th>\n      <th>b</th>\n    </tr>\n  </thead>\n  <tbody>\n    <tr>\n'
        '      <td>c</td>\n      <td>d</td>\n    </tr>\n  </tbody>\n  <tbody>\n    <tr>\n      <td>e</td>\n'
        '      <td>f</td>\n    </tr>\n  </tbody>\n  <tfoot>\n    <tr>\n      <td>g</td>\n      <td>h</td>\n    </tr>\n'
        '  </tfoot>\n</table>\n',
    ),
    'smart_quotes': (
        '"Hello," she said. \'It\'s the \'80s\' -- don\'t... --- <<ok>>\n',
        '<p>“Hello,” she said. ‘It’s the ’80s’ – don’t… — «ok»</p>\n',
    ),
    'fence_plaintext': (
        '```\nplain <b>&\n```\n\n```plaintext\nx = 1\n```\n\n~~~\ntilde\n~~~\n',
        '<div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>plain '
        '&lt;b&gt;&amp;\n</code></pre></div></div>\n\n'
        '<div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>x = 1\n'
        '</code></pre></div></div>\n\n<div class="language-plaintext highlighter-rouge"><div class="highlight"><pre '
        'class="highlight"><code>tilde\n</code></pre></div></div>\n',
    ),
    'indented_code': (
        'Para\n\n    code line\n      more\n\nEnd\n',
        '<p>Para</p>\n\n<div class="language-plaintext highlighter-rouge"><div class="highlight"><pre '
        'class="highlight"><code>code line\n  more\n</code></pre></div></div>\n\n<p>End</p>\n',
    ),
    'inline_code': (
        'Use `git commit -m "x"` and ``a ` b``.\n',
        '<p>Use <code class="language-plaintext highlighter-rouge">git commit -m "x"</code> and <code '
        'class="language-plaintext highlighter-rouge">a ` b</code>.</p>\n',
    ),
    'footnotes': (
        'Text with a note[^1] and another[^note].\n\n[^1]: First note.\n[^note]: Second note\n    with more.\n',
        '<p>Text with a note<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" '
        'rel="footnote">1</a></sup> and another<sup id="fnref:note" role="doc-noteref"><a href="#fn:note" '
        'class="footnote" rel="footnote">2</a></sup>.</p>\n\n<div class="footnotes" role="doc-endnotes">\n  <ol>\n'
        '    <li id="fn:1" role="doc-endnote">\n'
        '      <p>First note.\xa0<a href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a></p>\n'
        '    </li>\n    <li id="fn:note" role="doc-endnote">\n      <p>Second note\n'
        'with more.\xa0<a href="#fnref:note" class="reversefootnote" role="doc-backlink">&#8617;</a></p>\n    </li>\n'
        '  </ol>\n</div>\n',
    ),
    'abbreviations': (
        'The HTML spec and someone HTMLish.\n\n*[HTML]: Hyper Text Markup Language\n',
        '<p>The <abbr title="Hyper Text Markup Language">HTML</abbr> spec and someone HTMLish.</p>\n\n',
    ),
    'definition_list': (
        'Term\n: Definition one\n\nTerm 2\n\n: Definition with para\n',
        '<dl>\n  <dt>Term</dt>\n  <dd>Definition one</dd>\n  <dt>Term 2</dt>\n  <dd>\n    <p>Definition with para</p>\n'
        '  </dd>\n</dl>\n',
    ),
    'toc': (
        '* TOC\n{:toc}\n\n# One\n\n## Two\n\n# Three\n{: .no_toc}\n',
        '<ul id="markdown-toc">\n  <li><a href="#one" id="markdown-toc-one">One</a>    <ul>\n'
        '      <li><a href="#two" id="markdown-toc-two">Two</a></li>\n    </ul>\n  </li>\n</ul>\n\n'
        '<h1 id="one">One</h1>\n\n<h2 id="two">Two</h2>\n\n<h1 class="no_toc" id="three">Three</h1>\n',
    ),
    'lists_tight_loose': (
        '* a\n* b\n\n1. one\n\n2. two\n\n- [ ] task\n- [x] done\n',
        '<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n\n<ol>\n  <li>\n    <p>one</p>\n  </li>\n  <li>\n    <p>two</p>\n'
        '  </li>\n</ol>\n\n<ul class="task-list">\n'
        '  <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="disabled" '
        '/>task</li>\n  <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" '
        'disabled="disabled" checked="checked" />done</li>\n</ul>\n',
    ),
    'nested_list': (
        '- level 1\n  - level 2\n    - level 3\n- back\n',
        '<ul>\n  <li>level 1\n    <ul>\n      <li>level 2\n        <ul>\n          <li>level 3</li>\n        </ul>\n'
        '      </li>\n    </ul>\n  </li>\n  <li>back</li>\n</ul>\n',
    ),
    'blockquote': (
        '> quote line\nlazy line\n> > nested\n',
        '<blockquote>\n  <p>quote line\nlazy line</p>\n  <blockquote>\n    <p>nested</p>\n  </blockquote>\n'
        '</blockquote>\n',
    ),
    'html_comment_block': (
        '<!-- comment -->\nText after comment.\n\n<!--\nmulti\n-->\n\nMore.\n',
        '<!-- comment -->\n<p>Text after comment.</p>\n\n<!--\nmulti\n-->\n\n<p>More.</p>\n',
    ),
    'stray_close_div': (
        'Text\n</div>\n\nmore\n',
        '<p>Text\n&lt;/div&gt;</p>\n\n<p>more</p>\n',
    ),
    'links_and_images': (
        '[link](http://x.org "Title") ![alt *text*](img.png) <https://auto.link> <me@x.org>\n\n[ref]: http://ref.org\n'
        '\n[ref] and [text][ref].\n',
        '<p><a href="http://x.org" title="Title">link</a> <img src="img.png" alt="alt *text*" /> <a '
        'href="https://auto.link">https://auto.link</a> <a href="mailto:me@x.org">me@x.org</a></p>\n\n'
        '<p><a href="http://ref.org">ref</a> and <a href="http://ref.org">text</a>.</p>\n',
    ),
    'standalone_image': (
        '![A figure](/img.png){:standalone}\n',
        '<figure>\n  <img src="/img.png" alt="A figure" />\n  <figcaption>A figure</figcaption>\n</figure>\n',
    ),
    'emphasis_edges': (
        '***both*** and **a *nested* b** and snake_case_word and __strong__.\n',
        '<p><strong><em>both</em></strong> and <strong>a <em>nested</em> b</strong> and snake_case_word and '
        '<strong>strong</strong>.</p>\n',
    ),
    'line_breaks': (
        'line one  \nline two\\\nline three\n',
        '<p>line one<br />\nline two<br />\nline three</p>\n',
    ),
    'strikethrough': (
        '~~gone~~ text\n',
        '<p><del>gone</del> text</p>\n',
    ),
    'span_html': (
        '<span>*parsed*</span> and <kbd>*raw*</kbd>\n',
        '<p><span><em>parsed</em></span> and <kbd>*raw*</kbd></p>\n',
    ),
    'setext': (
        'Title\n=====\n\nSub\n---\n',
        '<h1 id="title">Title</h1>\n\n<h2 id="sub">Sub</h2>\n',
    ),
    'hr_and_eob': (
        '* a\n^\n* b\n\n***\n',
        '<ul>\n  <li>a</li>\n</ul>\n<ul>\n  <li>b</li>\n</ul>\n\n<hr />\n',
    ),
    'extensions': (
        '{::comment}\nhidden\n{:/comment}\n\n{::nomarkdown}\n<b>raw</b>\n{:/nomarkdown}\n\n'
        'Text {::comment}x{:/} end.\n',
        '<!-- hidden -->\n\n<b>raw</b>\n\n<p>Text <!-- x --> end.</p>\n',
    ),
    'ald': (
        '{:ref: .cls #ident}\n\nPara\n{: ref}\n',
        '\n<p class="cls" id="ident">Para</p>\n',
    ),
    'header_explicit_id': (
        '## Custom {#my-id}\n\n### Hash trailing ###\n',
        '<h2 id="my-id">Custom</h2>\n\n<h3 id="hash-trailing">Hash trailing</h3>\n',
    ),
    'unknown_lang_fence': (
        '```nosuchlang\ncode\n```\n',
        '<pre><code class="language-nosuchlang">code\n</code></pre>\n',
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_matches_kramdown(name: str) -> None:
    text, expected = CASES[name]
    assert render(text) == expected


def test_options_changed_in_place_between_conversions_are_read_again() -> None:
    """The resolved options are remembered for the mapping last passed, also through nested values."""
    options: dict = {"input": "GFM", "syntax_highlighter_opts": {"default_lang": "plaintext"}, "auto_ids": True}
    assert render("# T\n", options) == '<h1 id="t">T</h1>\n'
    options["auto_ids"] = False
    assert render("# T\n", options) == "<h1>T</h1>\n"
    options["auto_ids"] = True
    options["auto_id_prefix"] = "x-"
    assert render("# T\n", options) == '<h1 id="x-t">T</h1>\n'
    options["syntax_highlighter_opts"]["block"] = {"line_numbers": True}
    assert "rouge-table" in render("```ruby\nx\n```\n", options)
