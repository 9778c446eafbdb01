"""jekyll-optional-front-matter 0.3.2 and jekyll-default-layout 0.1.5 (GitHub Pages' versions).

The gems are not installed; expectations follow their sources: Markdown static files become
pages too (community files excepted unless ``include``d), originals stay unless
``remove_originals``; Markdown pages and posts without a ``layout`` key get home/page/post/default.
"""

from __future__ import annotations

SITE = {
    "_layouts/page.html": "PAGE[{{ content }}]",
    "_layouts/home.html": "HOME[{{ content }}]",
    "_layouts/default.html": "DEF[{{ content }}]",
    "about.md": "# Hi\n\nno fm\n",
    "README.md": "# Readme\n",
    "LICENSE.md": "mit\n",
    "index.md": "home *x*\n",
    "docs/guide.markdown": "nested\n",
    "keep.md": "---\nlayout: null\n---\nnull layout\n",
    "plain.html": "---\n---\n<p>html</p>\n",
    "_posts/2020-01-01-p.md": "---\n---\npost\n",
}
BOTH = "plugins: [jekyll-optional-front-matter, jekyll-default-layout]\n"


def test_markdown_without_front_matter_becomes_pages_with_default_layouts(build_site):
    built = build_site({"_config.yml": BOTH, **SITE})
    assert built.code == 0, built.log
    assert sorted(built.files) == [
        "2020/01/01/p.html", "LICENSE.md", "README.md", "about.html", "about.md", "docs/guide.html",
        "docs/guide.markdown", "index.html", "index.md", "keep.html", "plain.html",
    ]
    assert built.read("about.html") == 'PAGE[<h1 id="hi">Hi</h1>\n\n<p>no fm</p>\n]'
    assert built.read("index.html") == "HOME[<p>home <em>x</em></p>\n]"
    assert built.read("docs/guide.html") == "PAGE[<p>nested</p>\n]"
    assert built.read("keep.html") == "<p>null layout</p>\n"
    assert built.read("plain.html") == "<p>html</p>\n"
    assert built.read("2020/01/01/p.html") == "DEF[<p>post</p>\n]"


def test_remove_originals_and_include_whitelist(build_site):
    config = (
        "plugins: [jekyll-optional-front-matter]\ninclude: [LICENSE.md]\n"
        "optional_front_matter:\n  remove_originals: true\n"
    )
    built = build_site({"_config.yml": config, "about.md": "hi\n", "LICENSE.md": "mit\n", "README.md": "r\n"})
    assert built.code == 0, built.log
    assert sorted(built.files) == ["LICENSE.html", "README.md", "about.html"]


def test_disabled_and_not_listed(build_site):
    built = build_site({
        "_config.yml": "plugins: [jekyll-optional-front-matter]\noptional_front_matter:\n  enabled: false\n",
        "about.md": "hi\n",
    })
    assert sorted(built.files) == ["about.md"]
    plain = build_site({"_config.yml": "plugins: []\n", "about.md": "hi\n"})
    assert sorted(plain.files) == ["about.md"]
