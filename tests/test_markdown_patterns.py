"""Real academic-homepage Markdown converts byte-identically to Jekyll 4.3.1's kramdown.

The documents below use the patterns researchers' sites (acad-homepage, academicpages,
al-folio) are built from: paper boxes with ``markdown="1"``, emoji headers, ``{: .notice}``
IALs, math, tables, fences, footnotes, abbreviations, a TOC. Each expected string was
observed from a real ``jekyll build`` (Jekyll 4.3.1, kramdown 2.4.0, GFM input, rouge)
of the same text as a page with ``layout: null``.
"""

from __future__ import annotations

from liquidsite.markdown import render

ACADEMIC_PAGE = (
    '<span class=\'anchor\' id=\'about-me\'></span>\n\n# 📝 Publications\n\n'
    '<div class=\'paper-box\'><div class=\'paper-box-image\'><div><div class="badge">CVPR 2016</div><img '
    'src=\'images/500x300.png\' alt="sym" width="100%"></div></div>\n<div class=\'paper-box-text\' markdown="1">\n\n'
    '[Deep Residual Learning for Image Recognition](https://github.com), **Kaiming He**, Xiangyu Zhang\n\n'
    '[**Project**](https://github.com) <strong><span class=\'show_paper_citations\' '
    'data=\'DhtAFkwAAAAJ:ALROH1vI_8AC\'></span></strong>\n'
    '- Lorem ipsum dolor sit amet, "consectetur" adipiscing elit -- it\'s 1990s...\n- Second item<br>with break\n'
    '</div>\n</div>\n\nSome text.\n{: .notice}\n\nInfo box.\n{: .notice--info}\n\n'
    'Inline $$a^2 + b^2$$ math and "quotes" --- dash.\n\n$$\nE = mc^2\n$$\n\n| A | B |\n|---|:-:|\n| 1 | 2 |\n\n'
    '```python\ndef f(x):\n    return x\n```\n\n<!-- a comment -->\n<p align="center">Centered</p>\n\n'
    'Footnote here[^1] and HTML abbreviation.\n\n[^1]: The note.\n\n*[HTML]: Hyper Text Markup Language\n\nTerm\n'
    ': Definition\n\n* toc\n{:toc}\n\n## 1. Introduction & Motivation\n\n'
    'Visit <https://example.com> or <mailto:me@example.com>.\n\n<div markdown="1">\n<div markdown="1">\n*nested*\n'
    '</div>\n</div>\n'
)

ACADEMIC_PAGE_JEKYLL_HTML = (
    '<p><span class="anchor" id="about-me"></span></p>\n\n<h1 id="-publications">📝 Publications</h1>\n\n'
    '<div class="paper-box"><div class="paper-box-image"><div><div class="badge">CVPR 2016</div><img '
    'src="images/500x300.png" alt="sym" width="100%" /></div></div>\n<div class="paper-box-text">\n\n'
    '    <p><a href="https://github.com">Deep Residual Learning for Image Recognition</a>, <strong>Kaiming '
    'He</strong>, Xiangyu Zhang</p>\n\n    <p><a href="https://github.com"><strong>Project</strong></a> <strong><span '
    'class="show_paper_citations" data="DhtAFkwAAAAJ:ALROH1vI_8AC"></span></strong></p>\n    <ul>\n'
    '      <li>Lorem ipsum dolor sit amet, “consectetur” adipiscing elit – it’s 1990s…</li>\n'
    '      <li>Second item<br />with break</li>\n    </ul>\n  </div>\n</div>\n\n<p class="notice">Some text.</p>\n\n'
    '<p class="notice--info">Info box.</p>\n\n<p>Inline \\(a^2 + b^2\\) math and “quotes” — dash.</p>\n\n'
    '\\[E = mc^2\\]\n\n<table>\n  <thead>\n    <tr>\n      <th>A</th>\n      <th style="text-align: center">B</th>\n'
    '    </tr>\n  </thead>\n  <tbody>\n    <tr>\n      <td>1</td>\n      <td style="text-align: center">2</td>\n'
    '    </tr>\n  </tbody>\n</table>\n\n<div class="language-python highlighter-rouge"><div class="highlight"><pre '
    'class="highlight"><code><span class="k">def</span> <span class="nf">f</span><span class="p">(</span><span '
    'class="n">x</span><span class="p">):</span>\n    <span class="k">return</span> <span class="n">x</span>\n'
    '</code></pre></div></div>\n\n<!-- a comment -->\n<p align="center">Centered</p>\n\n'
    '<p>Footnote here<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup> '
    'and <abbr title="Hyper Text Markup Language">HTML</abbr> abbreviation.</p>\n\n<dl>\n  <dt>Term</dt>\n'
    '  <dd>Definition</dd>\n</dl>\n\n<ul id="markdown-toc">\n'
    '  <li><a href="#-publications" id="markdown-toc--publications">📝 Publications</a>    <ul>\n'
    '      <li><a href="#1-introduction--motivation" id="markdown-toc-1-introduction--motivation">1. Introduction '
    '&amp; Motivation</a></li>\n    </ul>\n  </li>\n</ul>\n\n'
    '<h2 id="1-introduction--motivation">1. Introduction &amp; Motivation</h2>\n\n'
    '<p>Visit <a href="https://example.com">https://example.com</a> or <a '
    'href="mailto:me@example.com">me@example.com</a>.</p>\n\n<div>\n  <div>\n    <p><em>nested</em></p>\n  </div>\n'
    '</div>\n<div class="footnotes" role="doc-endnotes">\n  <ol>\n    <li id="fn:1" role="doc-endnote">\n'
    '      <p>The note.\xa0<a href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a></p>\n    </li>\n'
    '  </ol>\n</div>\n'
)


# Setext headers, emoji headers, smart quotes, task lists, {:.no_toc}, <details>, span IALs
# on images, block math with an IAL, hard breaks, {::comment}, indented code, footnotes.
NEWS_PAGE = (
    'About Me\n========\n\nI\'m a Ph.D. student at [MIT](https://mit.edu "MIT\'s home") -- working on "AI" & \'ML\' in '
    'the \'90s style...\nMy email: `me [at] mit.edu`. Also see <http://example.org/a_b>.\n\n# 🔥 News\n'
    '- *2023.03*: &nbsp;🎉🎉 Paper accepted to **NeurIPS 2023**!<br>Oral presentation.\n'
    '- *2022.10*: Joined [Lab](https://lab.org).\n\n# 🎖 Honors and Awards\n## Honors\n{:.no_toc}\n\n1. First\n'
    '   * nested *a*\n   * nested _b_\n\n2. Second\n\n> Quote with **bold**\n> and a [link][ref].\n\n'
    '[ref]: https://ref.org \'Ref Title\'\n\n<details>\n<summary>Click</summary>\n\nHidden *text*.\n\n</details>\n\n'
    '<div align="center">\n  <img src="a.png" width="50%">\n</div>\n\nText directly after html.\n<p>para html</p>\n\n'
    '- [ ] todo\n- [x] done\n\n~~struck~~ and H~2~O, x^2^, a_b_c, snake_case_word.\n\n$$\\alpha > \\beta$$\n'
    '{: .math-display}\n\n![alt text](/images/pic.png){: width="300"}\n\nHere is a line ending with two spaces  \n'
    'and a hard break.\n\n{::comment}\nhidden\n{:/comment}\n\nHeader 2\n--------\n\n'
    'Some <span style="color:red">*red*</span> text and <kbd>Ctrl</kbd>.\n\n    indented code\n    block\n\n***\n\n'
    'Last paragraph with a footnote[^note].\n\n[^note]: Footnote with **bold** and a [link](https://x.org).\n'
    '    Second line indented.\n'
)

NEWS_PAGE_JEKYLL_HTML = (
    '<h1 id="about-me">About Me</h1>\n\n<p>I’m a Ph.D. student at <a href="https://mit.edu" title="MIT\'s '
    'home">MIT</a> – working on “AI” &amp; ‘ML’ in the ’90s style…\n'
    'My email: <code class="language-plaintext highlighter-rouge">me [at] mit.edu</code>. Also see <a '
    'href="http://example.org/a_b">http://example.org/a_b</a>.</p>\n\n<h1 id="-news">🔥 News</h1>\n<ul>\n'
    '  <li><em>2023.03</em>: \xa0🎉🎉 Paper accepted to <strong>NeurIPS 2023</strong>!<br />Oral presentation.</li>\n'
    '  <li><em>2022.10</em>: Joined <a href="https://lab.org">Lab</a>.</li>\n</ul>\n\n'
    '<h1 id="-honors-and-awards">🎖 Honors and Awards</h1>\n<h2 class="no_toc" id="honors">Honors</h2>\n\n<ol>\n'
    '  <li>First\n    <ul>\n      <li>nested <em>a</em></li>\n      <li>nested <em>b</em></li>\n    </ul>\n  </li>\n'
    '  <li>Second</li>\n</ol>\n\n<blockquote>\n  <p>Quote with <strong>bold</strong>\n'
    'and a <a href="https://ref.org" title="Ref Title">link</a>.</p>\n</blockquote>\n\n<details>\n'
    '<summary>Click</summary>\n\nHidden *text*.\n\n</details>\n\n<div align="center">\n'
    '  <img src="a.png" width="50%" />\n</div>\n\n<p>Text directly after html.</p>\n<p>para html</p>\n\n'
    '<ul class="task-list">\n  <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" '
    'disabled="disabled" />todo</li>\n  <li class="task-list-item"><input type="checkbox" '
    'class="task-list-item-checkbox" disabled="disabled" checked="checked" />done</li>\n</ul>\n\n'
    '<p><del>struck</del> and H~2~O, x^2^, a_b_c, snake_case_word.</p>\n\n'
    '<div class="math-display">\\[\\alpha &gt; \\beta\\]\n</div>\n\n'
    '<p><img src="/images/pic.png" alt="alt text" width="300" /></p>\n\n'
    '<p>Here is a line ending with two spaces<br />\nand a hard break.</p>\n\n<!-- hidden -->\n\n'
    '<h2 id="header-2">Header 2</h2>\n\n<p>Some <span style="color:red"><em>red</em></span> text and '
    '<kbd>Ctrl</kbd>.</p>\n\n<div class="language-plaintext highlighter-rouge"><div class="highlight"><pre '
    'class="highlight"><code>indented code\nblock\n</code></pre></div></div>\n\n<hr />\n\n'
    '<p>Last paragraph with a footnote<sup id="fnref:note" role="doc-noteref"><a href="#fn:note" class="footnote" '
    'rel="footnote">1</a></sup>.</p>\n\n<div class="footnotes" role="doc-endnotes">\n  <ol>\n'
    '    <li id="fn:note" role="doc-endnote">\n'
    '      <p>Footnote with <strong>bold</strong> and a <a href="https://x.org">link</a>.\n'
    'Second line indented.\xa0<a href="#fnref:note" class="reversefootnote" role="doc-backlink">&#8617;</a></p>\n'
    '    </li>\n  </ol>\n</div>\n'
)


def test_academic_page_matches_jekyll() -> None:
    assert render(ACADEMIC_PAGE) == ACADEMIC_PAGE_JEKYLL_HTML


def test_academic_page_through_a_real_build(build_site) -> None:
    built = build_site({
        "_config.yml": "markdown: kramdown\n",
        "page.md": "---\nlayout: null\n---\n" + ACADEMIC_PAGE,
    })
    assert built.code == 0, built.log
    assert built.read("page.html") == ACADEMIC_PAGE_JEKYLL_HTML


def test_news_page_matches_jekyll() -> None:
    assert render(NEWS_PAGE) == NEWS_PAGE_JEKYLL_HTML


def test_gfm_header_ids_keep_only_ruby_word_characters() -> None:
    """Onigmo's \\p{Word}: no zero-width joiners (emoji), no `No` numbers (observed in kramdown)."""
    from liquidsite.markdown import render

    html = render("# \U0001F468\u200d\U0001F4BB Internships\n\n# a\u200db\n\n# x\u00b2 y\n\n# r\u2160 \u00bd\n")
    ids = [part.split('"')[1] for part in html.split(' id=')[1:]]
    assert ids == ["-internships", "ab", "x-y", "r\u2170-"]
