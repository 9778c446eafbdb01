"""jekyll-titles-from-headings 0.5.3: expectations from the gem's source (not installed here).

Its regex keeps an ATX heading's closing hashes and runs the text through markdownify,
strip_html and normalize_whitespace, so ``&`` stays ``&amp;``.
"""

from __future__ import annotations

LAYOUT = {"_layouts/default.html": "<title>{{ page.title }}</title>{{ content }}"}


def test_titles_from_atx_and_setext_headings(build_site):
    built = build_site({
        "_config.yml": "plugins: [jekyll-titles-from-headings]\n",
        **LAYOUT,
        "a.md": "---\nlayout: default\n---\n# Project *Readme* & more ##\n\ntext\n",
        "b.md": "---\nlayout: default\n---\n\nAbout us\n========\n\nx\n",
        "c.md": "---\nlayout: default\ntitle: Set\n---\n# Ignored\n",
        "d.md": "---\nlayout: default\n---\nno heading\n",
        "e.html": "---\nlayout: default\n---\n# not markdown\n",
    })
    assert built.code == 0, built.log
    assert built.read("a.html").startswith("<title>Project Readme &amp; more ##</title>")
    assert built.read("b.html").startswith("<title>About us</title>")
    assert built.read("c.html").startswith("<title>Set</title>")
    assert built.read("d.html").startswith("<title></title>")
    assert built.read("e.html").startswith("<title></title>")


def test_strip_title_and_collections(build_site):
    built = build_site({
        "_config.yml": (
            "plugins: [jekyll-titles-from-headings]\n"
            "titles_from_headings:\n  strip_title: true\n  collections: true\n"
        ),
        **LAYOUT,
        "a.md": "---\nlayout: default\n---\n## Heading\n\nbody\n",
        "_posts/2020-01-01-file-name.md": "---\nlayout: default\ntitle: Front matter\n---\n# From heading\n\nbody\n",
    })
    assert built.code == 0, built.log
    assert built.read("a.html") == "<title>Heading</title><p>body</p>\n"
    # documents' titles count as inferred, even when set in front matter
    assert built.read("2020/01/01/file-name.html") == "<title>From heading</title><p>body</p>\n"
