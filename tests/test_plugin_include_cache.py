"""jekyll-include-cache 0.2: ``include_cached`` renders a (file, parameters) pair once per build.

Expected output observed from Jekyll 4.3.1 with the gem (Debian's ruby-jekyll-include-cache 0.2.1)
building the same site: every page shows the first page's render of each pair, the include's
``assign`` happens on that page only, parameters are keyed by their values in the order of their
names (``a=1`` and ``b=1`` share an entry), ``1``, ``1.0``, ``"1"`` and ``true`` are four values and
a drop is its own key.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conftest import run_build, write_tree

SITE = {
    "_config.yml": "plugins: [jekyll-include-cache]\n",
    "_includes/who.html": '[{{ page.title }}|{{ include.x | jsonify }}|{{ leaked | default: "none" }}]'
                          "{% assign leaked = page.title %}\n",
    "_includes/param.html": "<{{ page.title }}:a{{ include.a }}b{{ include.b }}>\n",
    "_includes/drop.html": "({{ page.title }}|{{ include.x.title }}{{ include.x | size }})\n",
    "_layouts/default.html": (
        '{% include_cached who.html %}{{ leaked | default: "unset" }}\n'
        '{% include_cached who.html x=1 %}{% include_cached who.html x=1.0 %}{% include_cached who.html x="1" %}'
        "{% include_cached who.html x=true %}\n"
        "{% include_cached param.html a=1 %}{% include_cached param.html b=1 %}{% include_cached param.html a=1 b=2 %}"
        "{% include_cached param.html a=2 b=1 %}{% include_cached param.html b=2 a=1 %}\n"
        "{% include_cached drop.html x=page %}{% include_cached drop.html x=site.posts %}{% include who.html %}\n"
        "{{ content }}\n"
    ),
    "_posts/2024-01-01-A.md": "---\nlayout: default\ntitle: Post A\n---\n",
    "_posts/2024-01-02-B.md": "---\nlayout: default\ntitle: Post B\n---\n",
    "_posts/2024-01-03-C.md": "---\nlayout: default\ntitle: Post C\n---\n",
    "index.md": "---\nlayout: default\ntitle: Index\n---\nindex\n",
    "about.md": "---\nlayout: default\ntitle: About\n---\nabout\n",
}

CACHED = (
    '[Post A|1|Post A]\n[Post A|1.0|Post A]\n[Post A|"1"|Post A]\n[Post A|true|Post A]\n\n'
    "<Post A:a1b>\n<Post A:a1b>\n<Post A:a1b2>\n<Post A:a2b1>\n<Post A:a1b2>\n\n"
)
EXPECTED = {
    # the first page: the include renders and assigns
    "2024/01/01/A.html": "[Post A|null|none]\nPost A\n" + CACHED
                         + "(Post A|Post A0)\n(Post A|3)\n[Post A|null|Post A]\n\n\n\n",
    # later pages: the first page's output, no assign
    "2024/01/03/C.html": "[Post A|null|none]\nunset\n" + CACHED
                         + "(Post C|Post C0)\n(Post A|3)\n[Post C|null|none]\n\n\n\n",
    "about.html": "[Post A|null|none]\nunset\n" + CACHED
                  + "(About|About8)\n(Post A|3)\n[About|null|none]\n\n<p>about</p>\n\n",
}


def test_include_cached_renders_each_pair_once_per_build_as_the_gem(tmp_path: Path) -> None:
    write_tree(tmp_path, SITE)
    built = run_build(tmp_path)
    assert built.code == 0, built.log
    for path, text in EXPECTED.items():
        assert built.read(path) == text, path
    # a second build of the same site starts with an empty cache (the gem's pre_render reset)
    rebuilt = run_build(tmp_path)
    assert rebuilt.read("2024/01/01/A.html") == EXPECTED["2024/01/01/A.html"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_include_cached_in_worker_processes_is_the_one_process_build(tmp_path: Path) -> None:
    """Pairs not cached when the workers fork are rendered by the parent, in the build's order
    (``x=page`` is a new pair on every page: left out, so that workers take pages)."""
    site = dict(SITE)
    site["_layouts/default.html"] = site["_layouts/default.html"].replace("{% include_cached drop.html x=page %}", "")
    for n in range(10, 30):
        site[f"_posts/2024-02-{n:02d}-p{n}.md"] = f"---\nlayout: default\ntitle: P{n}\n---\n"
    outputs = {}
    for jobs in ("1", "2"):
        write_tree(tmp_path / jobs, site)
        built = run_build(tmp_path / jobs, "-V", "--jobs", jobs, env={"LIQUIDSITE_POOL_THRESHOLD": "1"})
        assert built.code == 0, built.log
        outputs[jobs] = {path.relative_to(built.dest): path.read_bytes()
                         for path in built.dest.rglob("*") if path.is_file()}
    assert outputs["2"] == outputs["1"]
    taken = re.search(r"Rendering: +(\d+) of \d+ pages and documents in 2 worker processes", built.log)
    assert taken and int(taken.group(1)) > 10, built.log
    page = outputs["2"][Path("2024/02/20/p20.html")].decode()
    assert page.startswith("[Post A|null|none]\nunset\n[Post A|1|Post A]\n") and "(Post A|23)\n[P20|null|none]" in page


def _tree(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()}


def test_serve_rebuilds_every_page_showing_a_cached_output_of_what_an_edit_changed(tmp_path: Path) -> None:
    """A page reusing a cached output depends on what that output's render read: retitling a post
    listed by a cached include rebuilds every page showing it, as a full build does."""
    from liquidsite.config import load_config
    from liquidsite.serve.rebuild import Rebuilder
    from liquidsite.site import Site

    site = {
        "_config.yml": "plugins: [jekyll-include-cache]\n",
        "_includes/recent.html": "{% for post in site.posts %}<{{ post.title }}>{% endfor %}\n",
        "_layouts/default.html": "{% include_cached recent.html %}{{ content }}\n",
        "index.md": "---\nlayout: default\n---\nhome\n",
        "about.md": "---\nlayout: default\n---\nabout\n",
    }
    for n in range(1, 6):
        site[f"_posts/2024-01-0{n}-p{n}.md"] = f"---\nlayout: default\ntitle: P{n}\n---\nbody {n}\n"
    source, served, full = tmp_path / "src", tmp_path / "served", tmp_path / "full"
    write_tree(source, site)
    rebuilder = Rebuilder({"source": str(source), "destination": str(served), "quiet": True, "jobs": 1})
    rebuilder.build()
    post = source / "_posts/2024-01-03-p3.md"
    post.write_text(post.read_text().replace("title: P3", "title: Retitled"))
    result = rebuilder.rebuild({str(post)})
    assert result.error is None, result.error
    Site(load_config({"source": str(source), "destination": str(full), "quiet": True, "jobs": 1})).process()
    assert _tree(served) == _tree(full)
    assert "<Retitled>" in (served / "about.html").read_text()
