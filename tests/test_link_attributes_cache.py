"""jekyll-link-attributes' rewrite of each page kept in the site's cache: a warm build parses no page
again, and writes what a cold build writes."""

from __future__ import annotations

from pathlib import Path

from conftest import run_build, write_tree

from liquidsite.plugins import link_attributes

SITE = {
    "_config.yml": "plugins: [jekyll-link-attributes]\nurl: https://me.example\n",
    "index.html": "---\n---\n<p><a href=\"https://elsewhere.example/\">out</a> <a href=\"/in\">in</a></p>\n",
    "about.md": "---\n---\n[home](https://me.example/) and [away](http://away.example)\n",
}


def test_a_warm_build_takes_rewritten_pages_from_the_cache(tmp_path: Path, monkeypatch):
    write_tree(tmp_path, SITE)
    rewritten: list[str] = []
    real = link_attributes._rewrite
    monkeypatch.setattr(link_attributes, "_rewrite", lambda output, config: rewritten.append(output) or
                        real(output, config))
    cold = run_build(tmp_path)
    assert cold.code == 0, cold.log
    assert len(rewritten) == 2
    assert '<a href="https://elsewhere.example/" rel="external nofollow noopener" target="_blank">out</a>' \
        in cold.read("index.html")
    warm = run_build(tmp_path)
    assert warm.code == 0 and len(rewritten) == 2 and warm.files == cold.files
    write_tree(tmp_path, {"_config.yml": SITE["_config.yml"] + "external_links:\n  rel: external\n"})
    changed = run_build(tmp_path)
    assert len(rewritten) == 4 and 'rel="external" target="_blank">away' in changed.read("about.html")
