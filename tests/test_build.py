"""End-to-end builds of fixture sites; expected outputs were observed from Jekyll 4.3.1."""

from __future__ import annotations

import pytest

import fixtures_sites as sites


def test_entry_filtering_and_static_files(build_site):
    built = build_site(sites.ENTRY_FILTERING)
    assert built.code == 0, built.log
    assert sorted(built.files) == [
        ".well-known/security.txt", "_keep.txt", "about.html", "css/site.css", "index.html",
        "plain.txt", "sub/page.html",
    ]
    assert built.read("index.html") == (
        "pages: /about.html / /sub/page.html\n"
        "static: /.well-known/security.txt /_keep.txt /css/site.css /plain.txt\n"
        "posts:\n"
    )
    assert built.read("_keep.txt") == "kept\n"


@pytest.mark.parametrize(
    ("style", "outputs"),
    [
        ("date", ["about.html", "big news/tech/2024/03/05/hello-world.html", "docs/guide.html"]),
        ("pretty", ["about/index.html", "big news/tech/2024/03/05/hello-world/index.html", "docs/guide/index.html"]),
        ("ordinal", ["about.html", "big news/tech/2024/065/hello-world.html", "docs/guide.html"]),
        ("weekdate", ["about.html", "big news/tech/2024/W10/Tue/hello-world.html", "docs/guide.html"]),
        ("none", ["about.html", "big news/tech/hello-world.html", "docs/guide.html"]),
        ("/:categories/:year/:i_month/:i_day/:title:output_ext",
         ["about.html", "big news/tech/2024/3/5/hello-world.html", "docs/guide.html"]),
        ("/blog/:short_year/:hour-:minute-:second/:slug/",
         ["about/index.html", "blog/24/00-00-00/hello-world/index.html", "docs/guide/index.html"]),
        ("/:slugified_categories/:name/",
         ["about/index.html", "big-news/tech/2024-03-05-hello-world/index.html", "docs/guide/index.html"]),
        ("/:y_day/:long_month-:short_month/:w_year-:w_day-:long_day:output_ext",
         ["065/March-Mar/2024-2-Tuesday.html", "about.html", "docs/guide.html"]),
    ],
)
def test_permalink_styles(build_site, style, outputs):
    built = build_site(dict(sites.PERMALINK_SITE, **{"_config.yml": f'permalink: "{style}"\n'}))
    assert built.code == 0, built.log
    assert sorted(built.files) == sorted(outputs + ["feed.xml", "index.html"])


def test_post_url_is_escaped_in_liquid(build_site):
    built = build_site(sites.PERMALINK_SITE)
    assert built.read("index.html").endswith("posts: /big%20news/tech/2024/03/05/hello-world.html\n")
    assert built.read("big news/tech/2024/03/05/hello-world.html") == "<p>body</p>\n"


@pytest.mark.parametrize(
    ("flags", "posts"),
    [
        ((), "/tech/2020/05/05/categorized.html /2020/04/04/in-subdir.html /2020/03/03/timed.html "
             "/2020/01/01/past.html"),
        (("--drafts",), "/2021/05/06/idea.html /tech/2020/05/05/categorized.html /2020/04/04/in-subdir.html "
                        "/2020/03/03/timed.html /2020/01/01/past.html"),
        (("--future",), "/2099/01/01/future.html /tech/2020/05/05/categorized.html /2020/04/04/in-subdir.html "
                        "/2020/03/03/timed.html /2020/01/01/past.html"),
        (("--unpublished",), "/tech/2020/05/05/categorized.html /2020/04/04/in-subdir.html /2020/03/03/timed.html "
                             "/2020/02/02/hidden.html /2020/01/01/past.html"),
        (("--limit_posts", "2"), "/tech/2020/05/05/categorized.html /2020/04/04/in-subdir.html"),
    ],
)
def test_posts_drafts_future_unpublished(build_site, flags, posts):
    built = build_site(sites.PUBLISHING, *flags)
    assert built.code == 0, built.log
    assert built.read("index.html").splitlines()[-1] == f"posts: {posts}"


def test_future_post_is_skipped_with_warning(build_site):
    built = build_site(sites.PUBLISHING)
    assert "2099" not in " ".join(built.files)
    assert "Skipping: _posts/2099-01-01-future.md has a future date" in built.log


def test_collections(build_site):
    built = build_site(sites.COLLECTIONS)
    assert built.code == 0, built.log
    assert sorted(built.files) == [
        "index.html", "papers/a.html", "papers/b.html", "papers/c.html",
        "work/alpha/index.html", "work/logo.txt", "work/nested/beta/index.html",
    ]
    assert built.read("index.html") == (
        "notes:false:1 papers:true:3 posts:true:0 projects:true:2 \n"
        "papers: /papers/a.html /papers/b.html /papers/c.html\n"
        "notes: /notes/n1.html\n"
        "static: _projects/logo.txt\n"
    )
    assert built.read("work/alpha/index.html") == "<p>alpha projects /work/alpha/</p>\n"
    assert built.read("work/nested/beta/index.html") == "beta _projects/nested/beta.html\n"


def test_data_files(build_site):
    built = build_site(sites.DATA)
    assert built.read("index.html") == (
        "Ada=lead;Grace=student;\nAda python,ruby\nalpha/2020;beta/2021;\ngamma/2022;\n42\n"
    )


def test_front_matter_defaults(build_site):
    built = build_site(sites.DEFAULTS)
    assert built.files == {
        "2021/01/01/post.html": "[post-author|] post",
        "index.html": "[everyone|] home",
        "projects/one.html": "[projects-dir|globbed] one",
        "projects/two.html": "[own|] <p>two</p>\n",
    }


def test_excerpts(build_site):
    built = build_site(sites.EXCERPTS)
    assert built.read("index.html") == "[Given by hand][<p>Up to here</p>\n][<p>First paragraph.</p>\n]\n"
    assert built.read("2022/01/02/custom.html") == "<p>Up to here<!--more-->and not this.</p>\n"


def test_layout_inheritance_and_layout_data(build_site):
    built = build_site(sites.LAYOUTS)
    assert built.read("2023/06/07/entry.html") == (
        "<base theme=dark side=left><post title=Entry><p>Text</p>\n</post></base>\n"
    )
    assert built.read("page.html") == "<base theme=dark side=left><post title=Page>Page body</post></base>\n"
    assert built.read("none.html") == "no layout"
    assert built.read("missing.html") == "missing layout"
    assert "Build Warning: Layout 'nowhere' requested in missing.html does not exist." in built.log


def test_stale_files_are_removed_but_keep_files_stay(build_site, tmp_path):
    stale = {"_site/.git/HEAD": "ref", "_site/stale.html": "old", "_site/old/dir/x.txt": "x", "_site/.hidden": "h"}
    built = build_site({"index.html": "---\n---\nnew\n", **stale})
    assert sorted(p.relative_to(built.dest).as_posix() for p in built.dest.rglob("*")) == [
        ".git", ".git/HEAD", "index.html",
    ]


def test_conflicting_destinations_are_reported(build_site):
    built = build_site({
        "a.html": "---\npermalink: /same.html\n---\na\n",
        "b.html": "---\npermalink: /same.html\n---\nb\n",
    })
    assert built.code == 0
    expected = (
        "          Conflict: The following destination is shared by multiple files.\n"
        "                    The written file may end up with unexpected contents.\n"
        f"                    {built.dest}/same.html\n"
        "                     - a.html\n"
        "                     - b.html\n"
    )
    assert expected in built.log
    assert built.read("same.html") == "b\n"


def test_dates_follow_the_sites_timezone_as_in_jekyll(build_site):
    # Zone-less YAML timestamps are UTC (Psych); date-only values are midnight in the site's zone.
    built = build_site({
        "_config.yml": "timezone: America/New_York\npermalink: /:year/:month/:day/:hour:minute/:title.html\n",
        "_posts/2013-04-09-zoned.md": "---\ndate: 2013-04-10 02:22:00 +0000\n---\nz\n",
        "_posts/2013-04-09-zoneless.md": "---\ndate: 2013-04-09 23:22:00\n---\nz\n",
        "_posts/2013-04-09-dateonly.md": "---\ndate: 2013-04-11\n---\nz\n",
        "_posts/2013-04-09-quoted.md": "---\ndate: \"2013-04-12 05:00 +0900\"\n---\nz\n",
        "index.html": "---\n---\n{% for p in site.posts %}{{ p.url }} {% endfor %}\n",
    })
    assert built.read("index.html") == (
        "/2013/04/11/1600/quoted.html /2013/04/11/0000/dateonly.html "
        "/2013/04/09/2222/zoned.html /2013/04/09/1922/zoneless.html \n"
    )


def test_time_in_config_pins_site_time(build_site):
    built = build_site({
        "_config.yml": "time: 2020-02-03 04:05:06 +0000\n",
        "_posts/no-date-here.md": "---\n---\nx\n",
        "_drafts/x.md": "---\n---\nx\n",
        "index.html": "---\n---\n{{ site.time | date: '%Y-%m-%d %H:%M:%S' }}\n",
    })
    assert built.read("index.html") == "2020-02-03 04:05:06\n"


def test_collections_dir_order_and_unpublished_documents(build_site):
    built = build_site({
        "_config.yml": (
            "collections_dir: my_collections\ncollections:\n  tutorials:\n    output: true\n"
            "    order: [z.md, nested/y.md, missing.md]\n    permalink: /:collection/:name:output_ext\n"
        ),
        "my_collections/_posts/2020-01-01-p.md": "---\n---\npost\n",
        "my_collections/_tutorials/a.md": "---\n---\na\n",
        "my_collections/_tutorials/z.md": "---\npublished: false\n---\nz\n",
        "my_collections/_tutorials/nested/y.md": "---\n---\ny\n",
        "my_collections/_tutorials/b.md": "---\n---\nb\n",
        "my_collections/_drafts/d.md": "---\n---\nd\n",
        "_posts/2020-02-02-ignored.md": "---\n---\nignored\n",
        "index.html": (
            "---\n---\n{% for t in site.tutorials %}{{ t.url }}|{{ t.relative_path }}|{{ t.path }} {% endfor %}\n"
            "{% for p in site.posts %}{{ p.url }}|{{ p.path }} {% endfor %}\n"
        ),
    })
    assert sorted(built.files) == [
        "2020/01/01/p.html", "index.html", "tutorials/a.html", "tutorials/b.html", "tutorials/y.html",
    ]
    assert built.read("index.html") == (
        "/tutorials/y.html|_tutorials/nested/y.md|_tutorials/nested/y.md "
        "/tutorials/a.html|_tutorials/a.md|_tutorials/a.md "
        "/tutorials/b.html|_tutorials/b.md|_tutorials/b.md \n"
        "/2020/01/01/p.html|_posts/2020-01-01-p.md \n"
    )


def test_page_and_document_variables(build_site):
    built = build_site({
        "_config.yml": "collections:\n  talks:\n    output: true\n",
        "sub/dir/info.html": (
            "---\ntitle: Info\n---\n{{ page.dir }} {{ page.name }} {{ page.path }} {{ page.url }} {{ page.title }}\n"
        ),
        "sub/index.html": "---\npermalink: /custom/place/\n---\n"
                          "{{ page.dir }} {{ page.name }} {{ page.path }} {{ page.url }}\n",
        "_posts/2020-01-01-a.html": (
            "---\ntags: [x, y]\ncategory: news\n---\n{{ page.id }} {{ page.collection }} {{ page.next.url }} "
            "{{ page.categories | join: ',' }} {{ page.tags | join: ',' }} {{ page.slug }} {{ page.ext }} "
            "{{ page.title }} {{ page.name }} {{ page.draft }}\n"
        ),
        "_posts/2020-01-02-b.html": (
            "---\ncategories: one two\n---\n{{ page.id }} {{ page.previous.url }} {{ page.categories | join: ',' }}\n"
        ),
        "_talks/t1.html": "---\n---\n{{ page.id }} {{ page.url }} {{ page.collection }} {{ page.title }} {{ page.slug "
                          "}}\n",
        "tags.html": (
            "---\n---\n{% for t in site.tags %}{{ t[0] }}={{ t[1].size }};{% endfor %}"
            "{% for c in site.categories %}{{ c[0] }}={{ c[1].size }};{% endfor %}"
            " {{ site.html_pages.size }} {{ site.documents.size }}\n"
        ),
    })
    assert built.files == {
        "custom/place/index.html": "/custom/place/ index.html sub/index.html /custom/place/\n",
        "news/2020/01/01/a.html": "/news/2020/01/01/a posts /one/two/2020/01/02/b.html news x,y a .html A "
                                  "2020-01-01-a.html false\n",
        "one/two/2020/01/02/b.html": "/one/two/2020/01/02/b /news/2020/01/01/a.html one,two\n",
        "sub/dir/info.html": "/sub/dir/ info.html sub/dir/info.html /sub/dir/info.html Info\n",
        "tags.html": "x=1;y=1;news=1;one=1;two=1; 3 3\n",
        "talks/t1.html": "/talks/t1 /talks/t1.html talks T1 t1\n",
    }


def test_a_kramdown_section_keeps_jekylls_rouge_defaults(build_site) -> None:
    """A site's `kramdown:` settings are merged over Jekyll's (rouge, default_lang plaintext)."""
    built = build_site({
        "_config.yml": "kramdown:\n  input: GFM\n  syntax_highlighter_opts:\n    css_class: hl\n",
        "index.md": "---\n---\nUse `code` here.\n\n```python\nx = 1\n```\n",
    })
    assert built.read("index.html") == (
        '<p>Use <code class="language-plaintext highlighter-rouge">code</code> here.</p>\n\n'
        '<div class="language-python highlighter-rouge"><div class="highlight"><pre class="hl"><code>'
        '<span class="n">x</span> <span class="o">=</span> <span class="mi">1</span>\n'
        "</code></pre></div></div>\n"
    )


def test_related_posts_are_the_most_recent_other_posts(build_site):
    template = "---\n---\n{% for p in site.related_posts %}{{ p.title }};{% endfor %}"
    built = build_site({f"_posts/2020-01-0{day}-p{day}.html": template for day in (1, 2, 3)})
    assert built.code == 0, built.log
    # Observed with Jekyll 4.3.1 (no lsi): newest first, the post itself left out.
    assert built.read("2020/01/02/p2.html") == "P3;P1;"
    assert built.read("2020/01/03/p3.html") == "P2;P1;"
