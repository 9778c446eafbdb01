"""jekyll-readme-index 0.3.0 and jekyll-relative-links 0.6.1: expectations from the gems' sources."""

from __future__ import annotations

CONFIG = (
    "baseurl: /proj\nplugins:\n  - jekyll-optional-front-matter\n  - jekyll-readme-index\n"
    "  - jekyll-titles-from-headings\n  - jekyll-relative-links\n  - jekyll-default-layout\n"
)
SITE = {
    "_config.yml": CONFIG,
    "_layouts/default.html": "<title>{{ page.title }}</title>{{ content }}",
    "README.md": (
        "# Project\n\nSee [the guide](docs/guide.md#start), [about](./about.md), [missing](nope.md), "
        "[ext](https://x.org/a.md), [frag](#top).\n"
    ),
    "about.md": "About us\n========\n\nBack to [home](README.md).\n",
    "docs/guide.md": "---\ntitle: Set\n---\nup: [readme](../README.md) [abs](/about.md)\n",
    "sub/readme.markdown": "# Sub readme\n",
}


def test_readmes_become_indexes_and_links_follow_outputs(build_site):
    built = build_site(SITE)
    assert built.code == 0, built.log
    assert sorted(built.files) == [
        "README.md", "about.html", "about.md", "docs/guide.html", "index.html", "sub/index.html",
        "sub/readme.markdown",
    ]
    assert built.read("index.html") == (
        '<title>Project</title><h1 id="project">Project</h1>\n\n'
        '<p>See <a href="/proj/docs/guide.html#start">the guide</a>, <a href="/proj/about.html">about</a>, '
        '<a href="nope.md">missing</a>, <a href="https://x.org/a.md">ext</a>, <a href="#top">frag</a>.</p>\n'
    )
    assert built.read("about.html") == (
        '<title>About us</title><h1 id="about-us">About us</h1>\n\n<p>Back to <a href="/proj/">home</a>.</p>\n'
    )
    # a leading "/" is dropped and resolved from the page's directory: docs/about.md does not exist
    assert built.read("docs/guide.html") == (
        '<title>Set</title><p>up: <a href="/proj/">readme</a> <a href="/about.md">abs</a></p>\n'
    )
    assert built.read("sub/index.html") == '<title>Sub readme</title><h1 id="sub-readme">Sub readme</h1>\n'


def test_any_index_html_blocks_readme_index(build_site):
    # the gem's index regex is `^DIR$|index\.(html?|xhtml|xml)$`: any index.html anywhere counts
    built = build_site({
        "_config.yml": "plugins: [jekyll-readme-index]\nreadme_index:\n  remove_originals: true\n",
        "README.md": "# Root\n",
        "other/index.html": "<p>static</p>\n",
    })
    assert built.code == 0, built.log
    assert sorted(built.files) == ["README.md", "other/index.html"]


def test_remove_originals(build_site):
    built = build_site({
        "_config.yml": "plugins: [jekyll-readme-index]\nreadme_index:\n  remove_originals: true\n",
        "README.md": "# Root\n",
    })
    assert built.code == 0, built.log
    assert built.files == {"index.html": '<h1 id="root">Root</h1>\n'}
