"""jekyll-archives 2.2.1: expectations from the gem's source (not installed here)."""

from __future__ import annotations

POSTS = {
    "_posts/2020-01-05-a.md": "---\ntitle: A\ntags: [Big Tag, x]\ncategories: [news]\n---\na\n",
    "_posts/2020-01-06-b.md": "---\ntitle: B\ntags: [x]\n---\nb\n",
    "_posts/2021-03-01-c.md": "---\ntitle: C\n---\nc\n",
}
LISTING = "{{ page.type }}|{{ page.title }}|{% for p in page.posts %}{{ p.title }},{% endfor %}|{{ page.url }}\n"


def test_all_archive_types(build_site):
    built = build_site({
        "_config.yml": "plugins: [jekyll-archives]\njekyll-archives:\n  enabled: all\n  layouts:\n    year: year\n",
        "_layouts/archive.html": LISTING,
        "_layouts/year.html": (
            'YEAR {{ page.date | date: "%Y-%m-%d" }} {{ page.posts.size }} {{ site.archives.size }}\n'
        ),
        **POSTS,
    })
    assert built.code == 0, built.log
    archives = {name: text for name, text in built.files.items() if name.endswith("index.html")}
    assert archives == {
        "2020/01/05/index.html": "day||A,|/2020/01/05/\n",
        "2020/01/06/index.html": "day||B,|/2020/01/06/\n",
        "2020/01/index.html": "month||B,A,|/2020/01/\n",
        "2020/index.html": "YEAR 2020-01-01 2 10\n",
        "2021/03/01/index.html": "day||C,|/2021/03/01/\n",
        "2021/03/index.html": "month||C,|/2021/03/\n",
        "2021/index.html": "YEAR 2021-01-01 1 10\n",
        "category/news/index.html": "category|news|A,|/category/news/\n",
        "tag/big-tag/index.html": "tag|Big Tag|A,|/tag/big-tag/\n",
        "tag/x/index.html": "tag|x|B,A,|/tag/x/\n",
    }


def test_enabled_list_and_custom_permalinks(build_site):
    built = build_site({
        "_config.yml": (
            "plugins: [jekyll-archives]\njekyll-archives:\n  enabled: [tags]\n"
            "  permalinks:\n    tag: /topics/:name.html\n"
        ),
        "_layouts/archive.html": LISTING,
        **POSTS,
    })
    assert built.code == 0, built.log
    assert built.read("topics/x.html") == "tag|x|B,A,|/topics/x.html\n"
    assert built.read("topics/big-tag.html") == "tag|Big Tag|A,|/topics/big-tag.html\n"
    assert not (built.dest / "2020" / "index.html").exists()


def test_missing_layout_warns_like_jekyll(build_site):
    built = build_site({
        "_config.yml": "plugins: [jekyll-archives]\njekyll-archives:\n  enabled: [categories]\n",
        **POSTS,
    })
    assert built.code == 0, built.log
    assert built.read("category/news/index.html") == ""
    assert "Build Warning: Layout 'archive' requested in category/news/index.html does not exist." in built.log
