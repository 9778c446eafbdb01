"""jekyll-paginate: outputs observed from Jekyll 4.3.1 with jekyll-paginate 1.1.0."""

from __future__ import annotations

POSTS = {
    f"_posts/2020-01-0{i}-post-{i}.md": f"---\ntitle: Post {i}\n---\nbody {i}\n" for i in range(1, 6)
}

BLOG_INDEX = """---
title: Blog
---
{{ paginator.page }}/{{ paginator.total_pages }} per={{ paginator.per_page }} total={{ paginator.total_posts }}
prev={{ paginator.previous_page }} {{ paginator.previous_page_path }}
next={{ paginator.next_page }} {{ paginator.next_page_path }}
{% for p in paginator.posts %}[{{ p.title }} {{ p.url }}]{% endfor %}
url={{ page.url }} path={{ page.path }}
"""


def test_paginator_fields_custom_path_and_hidden_posts(build_site):
    built = build_site({
        "_config.yml": "paginate: 2\npaginate_path: /blog/p:num/\nplugins: [jekyll-paginate]\n",
        "blog/index.html": BLOG_INDEX,
        "index.html": '---\n---\nroot {{ paginator.page | default: "none" }}\n',
        "_posts/2020-01-06-hidden.md": "---\ntitle: Hidden\nhidden: true\n---\nh\n",
        **POSTS,
    })
    assert built.code == 0, built.log
    files = built.files
    assert sorted(f for f in files if "blog" in f or f == "index.html") == [
        "blog/index.html", "blog/p2/index.html", "blog/p3/index.html", "index.html",
    ]
    assert files["blog/index.html"] == (
        "1/3 per=2 total=5\nprev= \nnext=2 /blog/p2/\n"
        "[Post 5 /2020/01/05/post-5.html][Post 4 /2020/01/04/post-4.html]\n"
        "url=/blog/ path=blog/index.html\n"
    )
    assert files["blog/p2/index.html"] == (
        "2/3 per=2 total=5\nprev=1 /blog/\nnext=3 /blog/p3/\n"
        "[Post 3 /2020/01/03/post-3.html][Post 2 /2020/01/02/post-2.html]\n"
        "url=/blog/p2/ path=blog/index.html\n"
    )
    assert files["blog/p3/index.html"] == (
        "3/3 per=2 total=5\nprev=2 /blog/p2/\nnext= \n"
        "[Post 1 /2020/01/01/post-1.html]\n"
        "url=/blog/p3/ path=blog/index.html\n"
    )
    assert files["index.html"] == "root none\n"


def test_default_path_paginates_root_index(build_site):
    built = build_site({
        "_config.yml": "paginate: 2\nplugins: [jekyll-paginate]\n",
        "index.html": "---\n---\n{{ paginator.page }}:{% for p in paginator.posts %}{{ p.title }};{% endfor %}\n",
        **POSTS,
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "1:Post 5;Post 4;\n"
    assert built.read("page2/index.html") == "2:Post 3;Post 2;\n"
    assert built.read("page3/index.html") == "3:Post 1;\n"
    assert not (built.dest / "page4").exists()


def test_not_listed_in_plugins_means_no_pagination(build_site):
    built = build_site({
        "_config.yml": "paginate: 2\n",
        "index.html": '---\n---\n{{ paginator.page | default: "off" }}\n',
        **POSTS,
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "off\n"
    assert not (built.dest / "page2").exists()


def test_warns_without_template(build_site):
    built = build_site({
        "_config.yml": "paginate: 1\nplugins: [jekyll-paginate]\n",
        "about.html": "---\n---\nx\n",
        "_posts/2020-01-01-a.md": "---\n---\nb\n",
    })
    assert built.code == 0, built.log
    assert (
        "        Pagination: Pagination is enabled, but I couldn't find an index.html page to use as "
        "the pagination template. Skipping pagination."
    ) in built.log


def test_zero_per_page_is_a_clear_error(build_site):
    built = build_site({
        "_config.yml": "paginate: 0\nplugins: [jekyll-paginate]\n",
        "index.html": "---\n---\nx\n",
        "_posts/2020-01-01-a.md": "---\n---\nb\n",
    })
    assert built.code == 1
    assert "'paginate' must be a positive number" in built.log
    assert "Traceback" not in built.log


def test_template_moved_by_a_permalink(build_site):
    # Jekyll reads the copies from the template's URL directory: here /home/ has no file.
    built = build_site({
        "_config.yml": "paginate: 1\nplugins: [jekyll-paginate]\n",
        "index.html": "---\npermalink: /home/\n---\n{{ paginator.page }} {{ paginator.next_page_path }} {{ "
                      "paginator.previous_page_path }}\n",
        **{f"_posts/2020-01-0{i}-p{i}.md": f"---\ntitle: P{i}\n---\nb\n" for i in range(1, 4)},
    })
    assert built.code == 0, built.log
    assert built.read("home/index.html") == "1 /page2 \n"
    assert built.read("page2/index.html") == ""
    assert built.read("page3/index.html") == ""
    missing = built.source / "home" / "index.html"
    warning = f"Error reading file {missing}: No such file or directory @ rb_sysopen - {missing} "
    assert built.log.count(warning) == 2
