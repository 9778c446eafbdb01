"""jekyll-sitemap 1.4.0 built in; expected output observed from Jekyll 4.3.1 with the gem."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import golden_tree, run_build, write_tree

SITEMAP = {
    '_config.yml': (
        'url: https://example.org/\n'
        "baseurl: ''\n"
        'timezone: Asia/Shanghai\n'
        'time: 2024-06-01 12:00:00 +0000\n'
        'plugins: [jekyll-sitemap]\n'
        'collections:\n'
        '  projects:\n'
        '    output: true\n'
        '  hidden:\n'
        '    output: false\n'
    ),
    'index.md': (
        '---\n'
        'title: Home\n'
        '---\n'
        'Hi\n'
    ),
    'about.md': (
        '---\n'
        'permalink: /about me/\n'
        'last_modified_at: 2024-01-05\n'
        '---\n'
        'About\n'
    ),
    'secret.html': (
        '---\n'
        'sitemap: false\n'
        '---\n'
        'no\n'
    ),
    '404.html': (
        '---\n'
        '---\n'
        'not found\n'
    ),
    'feed.xml': (
        '---\n'
        '---\n'
        '<feed/>\n'
    ),
    '_posts/2024-01-02-a-post.md': (
        '---\n'
        'title: P & Q\n'
        '---\n'
        'x\n'
    ),
    '_projects/one.md': (
        '---\n'
        'title: One\n'
        '---\n'
        'one\n'
    ),
    '_projects/two.md': (
        '---\n'
        'sitemap: false\n'
        '---\n'
        'two\n'
    ),
    '_hidden/h.md': (
        '---\n'
        '---\n'
        'h\n'
    ),
    'files/paper.pdf': '%PDF-1.4\n',
    'files/notes.txt': 'plain\n',
    'docs/page.html': '<p>static</p>\n',
}

SITEMAP_EXPECTED = golden_tree("sitemap/full")



def _build_with_fixed_mtimes(root: Path, files: dict[str, str]):
    """Static files' ``lastmod`` is their modification time: pin it as the oracle run did."""
    write_tree(root, files)
    for name in files:
        os.utime(root / name, (1700000000, 1700000000))
    return run_build(root)


def test_sitemap_lists_documents_pages_and_static_files(tmp_path: Path):
    built = _build_with_fixed_mtimes(tmp_path, SITEMAP)
    assert built.code == 0, built.log
    assert built.read("sitemap.xml") == SITEMAP_EXPECTED["sitemap.xml"]
    assert built.read("robots.txt") == SITEMAP_EXPECTED["robots.txt"]


def test_a_robots_txt_of_the_site_is_kept(build_site):
    built = build_site({
        "_config.yml": "plugins: [jekyll-sitemap]\n",
        "robots.txt": "User-agent: *\n",
        "index.html": "---\n---\nhi\n",
    })
    assert built.code == 0, built.log
    assert built.files["robots.txt"] == "User-agent: *\n"
    assert built.files["sitemap.xml"] == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 '
        'http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd" '
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        "<url>\n<loc>/</loc>\n</url>\n</urlset>\n"
    )


SITEMAP_EDGE = {
    '_config.yml': (
        'baseurl: /base/\n'
        'time: 2024-06-01 12:00:00 +0000\n'
        'plugins: [jekyll-sitemap]\n'
        'collections:\n'
        '  c:\n'
        '    output: true\n'
        '    permalink: /:collection/:name/index.html\n'
    ),
    'sitemap.xsl': '<xsl/>\n',
    '_c/one.md': (
        '---\n'
        'last_modified_at: 2024-01-05 10:00:00 +0300\n'
        '---\n'
        'one\n'
    ),
    '_c/file.pdf': '%PDF\n',
    'old.htm': (
        '---\n'
        '---\n'
        'htm\n'
    ),
    'x.xhtml': (
        '---\n'
        '---\n'
        'x\n'
    ),
    'noext.md': (
        '---\n'
        'permalink: /noext\n'
        '---\n'
        'n\n'
    ),
    'data.json': (
        '---\n'
        '---\n'
        '{}\n'
    ),
    'sub/index.html': (
        '---\n'
        "last_modified_at: '2024-02-02'\n"
        '---\n'
        'sub\n'
    ),
    '404.md': (
        '---\n'
        'permalink: /404.html\n'
        '---\n'
        'nf\n'
    ),
}

SITEMAP_EDGE_EXPECTED = golden_tree("sitemap/edge")


def test_xsl_baseurl_collection_static_files_and_other_html_extensions(tmp_path: Path):
    built = _build_with_fixed_mtimes(tmp_path, SITEMAP_EDGE)
    assert built.code == 0, built.log
    assert built.read("sitemap.xml") == SITEMAP_EDGE_EXPECTED["sitemap.xml"]
    assert built.read("robots.txt") == SITEMAP_EDGE_EXPECTED["robots.txt"]
