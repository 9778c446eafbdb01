"""Rebuilds of a watched site (``serve``, ``build --watch``) in process: ``Site.process(selection)``
after each edit, compared with a full build of the same source.

Sites here have hooks (their own ``_plugins/*.py`` and jemoji's), generators
(feed, sitemap, a site plugin's) and ``post_write`` side files: under a watched
build they must run as in a plain build, so every output equals a full build's.
"""

from __future__ import annotations

import gc
import shutil
import warnings
from pathlib import Path
from typing import Iterator, Optional

import pytest

from conftest import write_tree
from liquidsite.config import load_config
from liquidsite.log import logger
from liquidsite.serve.rebuild import Rebuilder
from liquidsite.site import Site

URL = "http://localhost:4000"

HOOKS = '''
import os


def register(api):
    @api.hook("posts", "post_render")
    def sign(post):
        post.output += "<!-- signed -->"

    @api.hook("pages", "pre_render")
    def stamp(page, payload):
        page.data["stamp"] = "stamped " + page.url

    @api.hook(["pages", "documents"], "post_convert")
    def done(item):
        item.content = item.content.replace("TODO", "DONE")

    @api.hook("documents", "post_write")
    def sidecar(doc):
        path = doc.destination(doc.site.dest) + ".length"
        with open(path, "w") as handle:
            handle.write(str(len(doc.output)))

    @api.hook("site", "pre_render")
    def before(site, payload):
        site.config["render_note"] = "rendering"

    @api.hook("site", "post_write")
    def manifest(site):
        items = sorted([*site.pages, *site.posts.docs], key=lambda item: item.url)
        lines = [f"{item.url} {len(item.output or '')}" for item in items]
        with open(os.path.join(site.dest, "manifest.txt"), "w") as handle:
            handle.write("\\n".join(lines) + "\\n")
'''

SITE = {
    "_config.yml": (
        "title: Hooked\ntimezone: UTC\ntime: 2024-06-01 12:00:00\nplugins: [jemoji, jekyll-feed, jekyll-sitemap]\n"
    ),
    "_plugins/hooks.py": HOOKS,
    "_layouts/default.html": (
        "<html><head><title>{{ page.title }}</title></head><body>{% include nav.html %}"
        "<p>{{ page.stamp }} {{ site.render_note }}</p>{{ content }}</body></html>\n"
    ),
    "_includes/nav.html": "<nav>{% for item in site.data.menu %}{{ item.name }} {% endfor %}</nav>",
    "_data/menu.yml": "- name: Home\n- name: Posts\n",
    "_posts/2024-01-01-first.md": "---\nlayout: default\ntitle: First\n---\nFirst post :smile: TODO.\n",
    "_posts/2024-02-01-second.md": "---\nlayout: default\ntitle: Second\n---\nSecond post.\n\nMore.\n",
    "index.html": (
        "---\nlayout: default\ntitle: Home\n---\n<ul>{% for post in site.posts %}"
        "<li>{{ post.title }} {{ post.excerpt }}</li>{% endfor %}</ul>\n"
    ),
    "about.md": "---\nlayout: default\ntitle: About\n---\nAbout me :+1: TODO.\n",
    "css/site.css": "body { color: black }\n",
}

#: (file, new text or None to delete, the kind of rebuild it must take)
EDITS = [
    ("_posts/2024-02-01-second.md", "---\nlayout: default\ntitle: Second\n---\nRewritten :heart: TODO.\n\nTail.\n",
     "incremental"),
    ("about.md", "---\nlayout: default\ntitle: About\n---\nAbout me, edited :tada:.\n", "incremental"),
    ("_layouts/default.html", SITE["_layouts/default.html"].replace("<body>", "<body class=\"v2\">"), "incremental"),
    ("_includes/nav.html", "<nav class=\"v2\">{% for item in site.data.menu %}[{{ item.name }}]{% endfor %}</nav>",
     "incremental"),
    ("_data/menu.yml", "- name: Home\n- name: Talks\n", "incremental"),
    ("css/site.css", "body { color: green }\n", "incremental"),
    ("_posts/2024-01-01-first.md", "---\nlayout: default\ntitle: First, renamed\n---\nFirst post.\n", "incremental"),
    ("_posts/2024-03-01-third.md", "---\nlayout: default\ntitle: Third\n---\nA new post.\n", "full"),
    ("_config.yml", SITE["_config.yml"].replace("Hooked", "Rehooked"), "full"),
    ("about.md", None, "full"),
]


def tree(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): path.read_text(errors="replace")
        for path in sorted(root.rglob("*")) if path.is_file()
    }


def full_build(source: Path, dest: Path) -> dict[str, str]:
    if dest.exists():
        shutil.rmtree(dest)
    Site(load_config({"source": str(source), "destination": str(dest), "url": URL, "quiet": True})).process()
    return tree(dest)


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[Rebuilder]:
    source = tmp_path / "src"
    source.mkdir()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield Rebuilder({"source": str(source), "destination": str(tmp_path / "served"), "url": URL, "quiet": True})
    gc.unfreeze()
    logger.adjust_verbosity()


def edit(rebuilder: Rebuilder, name: str, text: Optional[str]) -> str:
    """Apply an edit as the watcher reports it; the kind of rebuild it took."""
    path = Path(rebuilder.source) / name
    if text is None:
        path.unlink()
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    result = rebuilder.rebuild({str(path)})
    assert result.error is None, result.error
    return result.kind


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_hooks_run_under_a_watched_build_as_in_a_full_build(watched: Rebuilder, tmp_path: Path) -> None:
    source, served = Path(watched.source), tmp_path / "served"
    write_tree(source, SITE)
    watched.build()
    expected = full_build(source, tmp_path / "full")
    assert tree(served) == expected
    assert expected["2024/01/01/first.html"].endswith("<!-- signed -->")
    assert "DONE" in expected["about.html"] and "stamped /about.html rendering" in expected["about.html"]
    assert "emoji" in expected["about.html"]  # jemoji's post_render hook
    assert "2024/01/01/first.html.length" in expected and "manifest.txt" in expected
    for name, text, kind in EDITS:
        assert edit(watched, name, text) == kind, name
        assert tree(served) == full_build(source, tmp_path / "full"), name
    assert "about.html" not in tree(served)


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_an_edit_renders_and_writes_only_what_it_touches(watched: Rebuilder, tmp_path: Path) -> None:
    write_tree(Path(watched.source), SITE)
    watched.build()
    path = Path(watched.source) / "about.md"
    path.write_text("---\nlayout: default\ntitle: About\n---\nShorter.\n")
    result = watched.rebuild({str(path)})
    assert (result.kind, result.rendered, result.changed) == ("incremental", 1, ["/about.html"])
    path.write_text("---\nlayout: default\ntitle: About me\n---\nShorter.\n")
    result = watched.rebuild({str(path)})
    # The sitemap lists the page's front matter: it renders again, and comes out the same.
    assert (result.kind, result.rendered, result.changed) == ("incremental", 2, ["/about.html"])
    path = Path(watched.source) / "_posts/2024-02-01-second.md"
    path.write_text("---\nlayout: default\ntitle: Second\n---\nNew body.\n")
    result = watched.rebuild({str(path)})
    # The feed holds the post's content; the home page its excerpt.
    assert sorted(result.changed) == ["/2024/02/01/second.html", "/feed.xml", "/index.html"]


GENERATOR = '''
def register(api):
    @api.generator()
    def count_words(site):
        for post in site.posts.docs:
            post.data["words"] = len(post.content.split())
'''


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_a_site_plugin_generator_makes_every_rebuild_full(watched: Rebuilder, tmp_path: Path) -> None:
    source, served = Path(watched.source), tmp_path / "served"
    files = dict(SITE, **{"_plugins/words.py": GENERATOR})
    files["_layouts/default.html"] = files["_layouts/default.html"].replace("{{ content }}", "{{ content }}"
                                                                            "{{ page.words }} words")
    write_tree(source, files)
    watched.build()
    assert tree(served) == full_build(source, tmp_path / "full")
    kind = edit(watched, "_posts/2024-02-01-second.md", "---\nlayout: default\ntitle: Second\n---\nOne two three.\n")
    assert kind == "full"  # what the generator read is unknown: only a full process runs it as a build does
    built = full_build(source, tmp_path / "full")
    assert tree(served) == built and "3 words" in built["2024/02/01/second.html"]


def test_a_failed_rebuild_writes_nothing_and_the_next_edit_recovers(watched: Rebuilder, tmp_path: Path) -> None:
    source, served = Path(watched.source), tmp_path / "served"
    write_tree(source, SITE)
    watched.build()
    before = tree(served)
    (source / "about.md").write_text("---\nlayout: default\ntitle: About\n---\nBroken {% bogus %}\n")
    result = watched.rebuild({str(source / "about.md")})
    assert result.error is not None and result.error.location.startswith("about.md:")
    assert tree(served) == before
    assert edit(watched, "about.md", "---\nlayout: default\ntitle: About\n---\nFixed.\n") == "incremental"
    assert tree(served) == full_build(source, tmp_path / "full")


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_after_a_full_build_fails_while_reading_the_next_edit_builds_in_full(
        watched: Rebuilder, tmp_path: Path) -> None:
    # A post added with a broken data file in the same burst: a full build that stops while reading,
    # leaving a site half read. Fixing the data file changes no file's existence, yet the rebuild
    # must not render from that half-read site (nor from the previous build's outputs).
    source, served = Path(watched.source), tmp_path / "served"
    write_tree(source, SITE)
    watched.build()
    (source / "_data/menu.yml").write_text("- name: Home\n- name: [Posts\n")
    added = source / "_posts/2024-03-01-third.md"
    added.write_text("---\nlayout: default\ntitle: Third\n---\nA new post.\n")
    result = watched.rebuild({str(source / "_data/menu.yml"), str(added)})
    assert result.kind == "full" and result.error is not None
    assert edit(watched, "_data/menu.yml", "- name: Home\n- name: Writing\n") == "full"
    built = full_build(source, tmp_path / "full")
    assert tree(served) == built
    assert "Third" in built["index.html"] and "Home Writing" in built["2024/03/01/third.html"]


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_a_file_created_during_a_build_and_deleted_after_it_is_a_deletion(
        watched: Rebuilder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The source is listed before the build reads it; a post created in between is read and written
    # by that build, so its deletion later must rebuild in full, not be dropped as a file that never was.
    source, served = Path(watched.source), tmp_path / "served"
    write_tree(source, SITE)
    late = source / "_posts/2024-03-01-late.md"
    listed = Rebuilder._walk_source

    def list_then_create(self: Rebuilder) -> set[str]:
        found = listed(self)
        late.write_text("---\nlayout: default\ntitle: Late\n---\nLate post.\n")
        return found

    monkeypatch.setattr(Rebuilder, "_walk_source", list_then_create)
    watched.build()
    monkeypatch.setattr(Rebuilder, "_walk_source", listed)
    assert "Late" in tree(served)["index.html"]
    assert edit(watched, "_posts/2024-03-01-late.md", None) == "full"
    built = full_build(source, tmp_path / "full")
    assert tree(served) == built and "Late" not in built["index.html"]
