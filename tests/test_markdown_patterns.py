"""Real academic-homepage Markdown converts byte-identically to Jekyll 4.3.1's kramdown.

The documents (tests/golden/markdown/*.md) use the patterns researchers' sites
(acad-homepage, academicpages, al-folio) are built from: paper boxes with ``markdown="1"``,
emoji headers, ``{: .notice}`` IALs, math, tables, fences, footnotes, abbreviations, a TOC.
Each expected output (the *.html beside it) was observed from a real ``jekyll build``
(Jekyll 4.3.1, kramdown 2.4.0, GFM input, rouge) of the same text as a page with ``layout: null``.
"""

from __future__ import annotations

from conftest import golden
from liquidsite.markdown import render

ACADEMIC_PAGE = golden("markdown/academic.md")
ACADEMIC_PAGE_JEKYLL_HTML = golden("markdown/academic.html")


# Setext headers, emoji headers, smart quotes, task lists, {:.no_toc}, <details>, span IALs
# on images, block math with an IAL, hard breaks, {::comment}, indented code, footnotes.
NEWS_PAGE = golden("markdown/news.md")
NEWS_PAGE_JEKYLL_HTML = golden("markdown/news.html")


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
