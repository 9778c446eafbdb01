"""``jsonify`` of Jekyll's document drops, and an excerpt whose Liquid reads itself.

tests/golden/jsonify/documents.json is what Jekyll 4.3.1 (Ruby 3.1) wrote for the site
below: the drop's keys in the order of Jekyll's DocumentDrop methods, then its data; a
document's neighbours (``next``, ``previous``) whole, and theirs collapsed (no content,
output, excerpt or neighbours) from JSON depth 2 on, whether the document is printed alone
or inside an array.
"""

from __future__ import annotations

from pathlib import Path

GOLDEN = Path(__file__).parent / "golden" / "jsonify" / "documents.json"

SITE = {
    "_config.yml": "timezone: UTC\n",
    "_posts/2024-01-01-one.md": "---\ntitle: One\n---\nOne.\n",
    "_posts/2024-01-02-two.md": "---\ntitle: Two\ntags: [t]\n---\nTwo.\n",
    "all.json": "---\n---\n{{ site.posts | jsonify }}\n{{ site.posts.last | jsonify }}\n",
}


def test_documents_print_as_jekyll_prints_them(build_site, tmp_path):
    built = build_site(SITE)
    assert built.code == 0, built.log
    assert (tmp_path / "_site/all.json").read_text() == GOLDEN.read_text()


def test_an_excerpt_that_reads_itself_stops_the_build_as_jekylls_stack_overflow(build_site, tmp_path):
    # Jekyll 4.3.1: "Liquid Exception: stack level too deep in SRC/_posts/2024-01-02-two.md/#excerpt",
    # exit 1. The excerpt renders site.posts.last, whose neighbour is this post, whose excerpt...
    files = dict(SITE)
    files["_posts/2024-01-02-two.md"] = "---\ntitle: Two\n---\nTwo {{ site.posts.last | jsonify }}\n"
    built = build_site(files)
    assert built.code == 1
    path = (tmp_path / "_posts/2024-01-02-two.md").resolve()
    assert f"Liquid Exception: stack level too deep in {path}/#excerpt" in built.log
    assert "Traceback" not in built.log
